import pg from "pg";
import type { TestProject } from "vitest/node";
import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrlFor, PG_TEMPLATE_DATABASE } from "./pg-names";

/**
 * The PostgreSQL run only (vitest.config.mts adds this when DATABASE_URL is postgres://): one
 * template database migrated with db/migrations-pg, which every test copies
 * (`CREATE DATABASE … TEMPLATE keeper_template`, tests/helpers/db.ts) instead of migrating again.
 * A template must have no open connections while it is copied, so the migration's pool is closed
 * before any test starts.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const started = Date.now();
    // A template left by an interrupted run was migrated by older migrations: make it again.
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DATABASE}`);
    const db = openDatabase(databaseUrlFor(adminUrl, PG_TEMPLATE_DATABASE));
    try {
      await migrateDatabase(db);
    } finally {
      await closeDatabase(db);
    }
    process.stderr.write(`PostgreSQL test template ${PG_TEMPLATE_DATABASE} migrated in ${Date.now() - started} ms\n`);
  } finally {
    await admin.end();
  }

  return async () => {
    const teardown = new pg.Client({ connectionString: adminUrl });
    await teardown.connect();
    try {
      await teardown.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DATABASE} WITH (FORCE)`);
    } finally {
      await teardown.end();
    }
  };
}
