import { databasePath, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo-people";

export async function run(): Promise<number> {
  const db = getDb();
  migrateDatabase(db);
  if (!isDatabaseEmpty(db)) {
    console.log(`The database at ${databasePath()} already has people in it; the demo seed only fills an empty database.`);
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
