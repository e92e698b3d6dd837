import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const KEEPER = join(process.cwd(), "bin", "keeper");

function keeper(args: string[], env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return spawnSync(process.execPath, [KEEPER, ...args], { env: childEnv, encoding: "utf8", timeout: 120_000 });
}

describe("keeper CLI: start and backup", () => {
  it("refuses to start in production without AUTH_SECRET", () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-cli-"));
    const run = keeper(["start"], { AUTH_SECRET: undefined, DATABASE_URL: `file:${join(dir, "k.db")}` });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("AUTH_SECRET is not set");
  });

  it("migrates, seeds, and backs up to a copy that passes integrity_check and holds the data", () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-cli-"));
    const env = { DATABASE_URL: `file:${join(dir, "live.db")}` };
    expect(keeper(["db", "migrate"], env).status).toBe(0);
    const seeded = keeper(["demo", "seed"], env);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain("mia@demo.keeper.test");
    const dest = join(dir, "copy.db");
    const backup = keeper(["backup", dest], env);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain("integrity ok");
    expect(existsSync(dest)).toBe(true);
    const copy = new Database(dest, { readonly: true });
    expect((copy.prepare("select count(*) as n from employees").get() as { n: number }).n).toBe(60); // 49 people and 11 who have left
    copy.close();
    // A second backup to the same file is refused unless forced, so nothing is overwritten by accident.
    expect(keeper(["backup", dest], env).status).toBe(2);
    expect(keeper(["backup", dest, "--force"], env).status).toBe(0);
  });
});
