import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./server";

export const isPostgresUrl = (url: string | undefined) => /^postgres(ql)?:\/\//i.test(url ?? "");

/**
 * Runs a script again under a throwaway PostgreSQL cluster (scripts/pg-cluster.mjs run, which sets
 * DATABASE_URL and removes the cluster afterwards); returns its exit code. For the scripts that
 * need a PostgreSQL database and were given none.
 */
export function rerunUnderThrowawayCluster(script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): number {
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "pg-cluster.mjs"), "run", "--", process.execPath, tsx, script, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env,
  });
  return run.status ?? 1;
}
