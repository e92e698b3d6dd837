import { closeDatabase, databaseLabel, getDb, setDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo-people";
import { seedLarge } from "@/db/seed/large";

export async function run(args: string[] = []): Promise<number> {
  const scaleIndex = args.indexOf("--scale");
  const scale = scaleIndex >= 0 ? args[scaleIndex + 1] : "demo";
  if (scale !== "demo" && scale !== "large") {
    console.error("Usage: keeper demo seed [--scale demo|large]");
    return 2;
  }
  const db = getDb();
  try {
    return await seed(db, scale);
  } finally {
    // Idle pooled PostgreSQL connections would keep the process alive for seconds after the seed.
    setDb(undefined);
    await closeDatabase(db);
  }
}

async function seed(db: Db, scale: "demo" | "large"): Promise<number> {
  await migrateDatabase(db);
  if (!(await isDatabaseEmpty(db))) {
    console.log(`The database at ${databaseLabel(db)} already has people in it; the demo seed only fills an empty database.`);
    return 0;
  }
  console.log(`Seeding the database at ${databaseLabel(db)}.`);
  if (scale === "large") {
    const r = await seedLarge(db, (line) => console.log(`  ${line}`));
    console.log(
      `Seeded the large organisation in ${r.seconds.toFixed(1)} s: ${r.employees} people, ${r.reviews} reviews, ${r.csatResponses} CSAT responses.`,
    );
    console.log(`Sign in as hr@large.keeper.test, director0@, manager0@ or agent0@large.keeper.test (password ${DEMO_PASSWORD}).`);
    return 0;
  }
  const started = Date.now();
  const result = await seedDemo(db);
  console.log(
    `Seeded the demo organisation in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.employees} people, ${result.reviews} reviews, ${result.csatResponses} CSAT responses.`,
  );
  printDemoLogins();
  return 0;
}

export function printDemoLogins(): void {
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.who}`);
}
