import { defineConfig } from "drizzle-kit";

/** PostgreSQL migrations (docs/decisions/0022, 0023): `npx drizzle-kit generate --config drizzle.pg.config.ts`. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
