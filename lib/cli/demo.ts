import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { closeDatabase, databaseLabel, getDb, setDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/demo";
import { printDemoLogins } from "./demo-seed";
import { port, runNext } from "./serve";

/** The demo keeps its own secret under data/ so sessions survive restarts without any setup. */
function demoSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(process.cwd(), "data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(join(process.cwd(), "data"), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Same for the key that encrypts helpdesk credentials (data/secret-key), so connections survive restarts. */
function demoSecretKey(): string {
  if (process.env.KEEPER_SECRET_KEY) return process.env.KEEPER_SECRET_KEY;
  const file = join(process.cwd(), "data", "secret-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(join(process.cwd(), "data"), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function run(): Promise<number> {
  const db = getDb();
  // A file path, or host and database name: never the password of a postgres:// URL.
  console.log(`Demo data: ${databaseLabel(db)}`);
  await migrateDatabase(db);
  if (await isDatabaseEmpty(db)) {
    console.log("Seeding the demo organisation…");
    const r = await seedDemo(db);
    console.log(`Seeded ${r.employees} people, ${r.reviews} reviews, ${r.csatResponses} CSAT responses.`);
  } else {
    console.log("The database already has people in it: starting on its data, without seeding.");
  }
  // The server opens its own connections; idle ones here would only hold PostgreSQL slots.
  setDb(undefined);
  await closeDatabase(db);
  const env = { ...process.env, AUTH_SECRET: demoSecret(), KEEPER_SECRET_KEY: demoSecretKey(), NODE_ENV: "production" as const };
  console.log("Building Keeper (about a minute)…");
  const built = await runNext(["build"], env);
  if (built !== 0) return built;
  const url = `http://localhost:${port()}`;
  return runNext(["start", "-p", port()], env, (line) => {
    if (/Ready in|started server/i.test(line)) {
      console.log(`\nKeeper is running at ${url}`);
      printDemoLogins();
    }
  });
}
