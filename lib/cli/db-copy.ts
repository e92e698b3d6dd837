import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { copySqliteToPostgres, CopyRefused, formatCounts } from "@/db/copy";
import { databaseUrl, engineOf, redactUrl, SUPPORTED_FORMS, UnsupportedDatabaseUrl } from "@/db/engine";

const USAGE = "Usage: keeper db copy --to postgres://USER@HOST:5432/DATABASE [--chunk-size N]";

/**
 * `keeper db copy --to postgres://…`: the SQLite database (DATABASE_URL) into an empty PostgreSQL
 * database (docs/decisions/0024-copy-sqlite-to-postgres.md). Exit 0 copied and verified, 1 failed
 * (nothing committed), 2 refused (nothing written).
 */
export async function run(args: string[]): Promise<number> {
  const to = option(args, "--to");
  const chunkText = option(args, "--chunk-size");
  if (!to) {
    console.error(USAGE);
    return 2;
  }
  const chunkSize = chunkText === undefined ? undefined : Number(chunkText);
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
    console.error(`--chunk-size must be a positive whole number.\n${USAGE}`);
    return 2;
  }
  const from = databaseUrl();
  let fromEngine: string;
  try {
    fromEngine = engineOf(from);
  } catch (error) {
    if (error instanceof UnsupportedDatabaseUrl) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let toEngine: string | undefined;
  try {
    toEngine = engineOf(to);
  } catch {
    toEngine = undefined;
  }
  if (toEngine !== "postgres") {
    console.error(
      `--to must be a PostgreSQL URL, postgres://USER:PASSWORD@HOST:5432/DATABASE (got ${redactUrl(to)}). Keeper's database URLs are: ${SUPPORTED_FORMS}; the copy only goes from SQLite to PostgreSQL.`,
    );
    return 2;
  }
  if (fromEngine !== "sqlite") {
    console.error(
      `DATABASE_URL (${redactUrl(from)}) is already PostgreSQL. keeper db copy reads a SQLite database: set DATABASE_URL to the SQLite file (e.g. file:./data/keeper.db). To copy between PostgreSQL servers use pg_dump and pg_restore.`,
    );
    return 2;
  }

  let source: Db | undefined;
  let target: Db | undefined;
  try {
    source = openDatabase(from);
    target = openDatabase(to);
    const report = await copySqliteToPostgres(source, target, { chunkSize, log: (line) => console.log(line) });
    console.log(`\n${formatCounts(report)}\n`);
    if (!report.ok) {
      console.error("Row counts differ between SQLite and PostgreSQL; the copy was rolled back and the target holds no data.");
      return 1;
    }
    const rate = report.ms > 0 ? Math.round(report.rows / (report.ms / 1000)) : report.rows;
    console.log(
      `Copied ${report.rows.toLocaleString("en")} rows in ${(report.ms / 1000).toFixed(1)} s (${rate.toLocaleString("en")} rows/s); counts match.`,
    );
    console.log(`Next: set DATABASE_URL=${redactUrl(to)} (with its password) and start Keeper.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused) {
      console.error(error.message);
      return 2;
    }
    // node-postgres messages can quote the URL it was given; never the password.
    const message = redactUrl(error instanceof Error ? error.message : String(error));
    const code = (error as { code?: unknown }).code;
    const hint = code === "3D000" ? " Create it first (createdb, or CREATE DATABASE), then run the copy again." : "";
    console.error(`The copy to ${redactUrl(to)} failed; no data was committed there. ${message}${hint}`);
    return 1;
  } finally {
    if (source) await closeDatabase(source);
    if (target) await closeDatabase(target);
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes("=") ? args[i].slice(name.length + 1) : args[i + 1];
}
