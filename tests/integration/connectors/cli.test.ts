import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type FreshDb } from "../../helpers/db";
import { all } from "../csat/helpers";
import { makeRatings } from "../../fakes/helpdesk/dataset";
import { FAKE_CREDENTIALS, startFakeHelpdesk, type FakeHelpdesk } from "../../fakes/helpdesk/server";

const KEEPER = join(process.cwd(), "bin", "keeper");

/** Asynchronous, so the fake helpdesk in this process can answer the CLI. */
function keeper(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KEEPER, ...args], { env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let fake: FakeHelpdesk;
let dir: string;
let env: Record<string, string>;
let db: FreshDb;
beforeAll(async () => {
  fake = await startFakeHelpdesk({ ratings: makeRatings(10), pageSize: 4 });
  dir = mkdtempSync(join(tmpdir(), "keeper-connect-"));
  // The engine under test (a SQLite file, or a PostgreSQL database); migrating it again is a no-op.
  db = await freshDb();
  env = { DATABASE_URL: db.url, KEEPER_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") };
  expect((await keeper(["db", "migrate"], env)).status).toBe(0);
});
afterAll(async () => {
  await fake.close();
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("keeper connect, connections, sync", () => {
  it("connects, lists without the token, syncs by name and when due, and exits non-zero on failure", async () => {
    const connected = await keeper(
      ["connect", "zendesk", "--url", fake.url, "--email", FAKE_CREDENTIALS.email, "--token", FAKE_CREDENTIALS.token, "--name", "zd"],
      env,
    );
    expect(connected.stderr).toBe("");
    expect(connected.status).toBe(0);
    expect(connected.stdout).toContain("Connected to Zendesk: 4 ratings on the first page.");

    expect(JSON.stringify(await all(db.db, "SELECT * FROM helpdesk_connections"))).not.toContain(FAKE_CREDENTIALS.token);

    const list = await keeper(["connections"], env);
    expect(list.stdout).toContain("zd (zendesk)");
    expect(list.stdout).toContain("token ending …abcd");
    expect(list.stdout + list.stderr).not.toContain(FAKE_CREDENTIALS.token);

    const byName = await keeper(["sync", "zd"], env);
    expect(byName.status).toBe(0);
    expect(byName.stdout).toMatch(/zd: ok, 3 pages, 10 records: 10 new/);

    // Just synced: nothing is due until its interval has passed.
    const due = await keeper(["sync"], env);
    expect(due.stdout).toContain("No connection is due.");

    fake.token = "revoked";
    const failed = await keeper(["sync", "zd"], env);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("NEEDS NEW CREDENTIALS");
    expect(failed.stdout + failed.stderr).not.toContain(FAKE_CREDENTIALS.token);
    fake.token = FAKE_CREDENTIALS.token;

    expect((await keeper(["sync", "nope"], env)).status).toBe(2);
  }, 120_000);

  it("keeper start refuses to run without a valid KEEPER_SECRET_KEY", async () => {
    const base = { ...env, AUTH_SECRET: "x".repeat(40) };
    const missing = await keeper(["start"], { ...base, KEEPER_SECRET_KEY: undefined });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("KEEPER_SECRET_KEY is not set");
    const short = await keeper(["start"], { ...base, KEEPER_SECRET_KEY: "too-short" });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("must be 32 bytes");
  });
});
