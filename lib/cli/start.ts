import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { port } from "./serve";
import { runNextCluster } from "./serve-cluster";

/** Production start: refuses to run without AUTH_SECRET, applies migrations, then serves. */
export async function run(): Promise<number> {
  if (!process.env.AUTH_SECRET || process.env.AUTH_SECRET.length < 32) {
    console.error("AUTH_SECRET is not set (or shorter than 32 characters). Generate one with: openssl rand -base64 32");
    return 1;
  }
  migrateDatabase(getDb());
  return runNextCluster(port(), { ...process.env, NODE_ENV: "production" });
}
