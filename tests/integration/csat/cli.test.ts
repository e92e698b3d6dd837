import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type FreshDb } from "@/tests/helpers/db";
import { FIXTURES } from "./helpers";

const ROOT = join(__dirname, "..", "..", "..");
let dir: string;
let env: NodeJS.ProcessEnv;
let db: FreshDb;

function keeper(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "keeper"), ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "keeper-cli-"));
  // The engine under test: a SQLite file, or a PostgreSQL database (migrating it again is a no-op).
  db = await freshDb();
  env = { ...process.env, DATABASE_URL: db.url };
  delete env.CSAT_MAX_BYTES;
  expect(keeper("db", "migrate").code).toBe(0);
});
afterAll(async () => {
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("keeper CLI", { timeout: 120_000 }, () => {
  it("imports the org chart", () => {
    const run = keeper("org", "import", `${FIXTURES}/org.csv`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/3 rows read/);
    expect(run.out).toMatch(/created\s+3/);
  });

  it("imports Zendesk: the offered survey is not a response, assignee 999 is unmatched", () => {
    const run = keeper("csat", "import", `${FIXTURES}/zendesk.json`);
    expect(run.code).toBe(0);
    expect(run.out).toContain("zendesk.json (zendesk, detected automatically): 4 rows read");
    expect(run.out).toMatch(/imported\s+3\n/);
    expect(run.out).toMatch(/not responses\s+1\n/);
    expect(run.out).toMatch(/rejected\s+0\n/);
    expect(run.out).toContain("zendesk 999: 1 response");
  });

  it("imports every other source, with the source named when forced", () => {
    for (const file of ["freshdesk.json", "intercom.json", "helpscout.json", "chatwoot.json"]) {
      const run = keeper("csat", "import", `${FIXTURES}/${file}`);
      expect(run.code, run.out + run.err).toBe(0);
      expect(run.out).toContain(`(${file.replace(".json", "")}, detected automatically)`);
      expect(run.out).toMatch(/rejected\s+0\n/);
    }
    const csv = keeper("csat", "import", "--source", "csv", `${FIXTURES}/generic.csv`);
    expect(csv.code).toBe(0);
    expect(csv.out).toContain("generic.csv (csv): 3 rows read");
    expect(csv.out).toMatch(/imported\s+3\n/);
  });

  it("reports everything unchanged on a second import", () => {
    const run = keeper("csat", "import", `${FIXTURES}/zendesk.json`, `${FIXTURES}/generic.csv`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/imported\s+0\n\s+updated\s+0\n\s+unchanged\s+6\n/);
  });

  it("exits 1 naming rejected rows by file:line and failed files", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "response_id,agent_email,rating,scale_max,responded_at\nb1,kim@sample.keeper.test,5,5,2026-08-01T00:00:00Z\nb2,kim@sample.keeper.test,6,5,2026-08-01T00:00:00Z\n",
    );
    const run = keeper("csat", "import", bad, join(dir, "missing.csv"));
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${bad}:3: rating 6 is outside the 1-5 scale`);
    expect(run.out).toMatch(/missing\.csv \(source unknown\): NOT IMPORTED: could not be read: ENOENT/);
    expect(run.out).toMatch(/imported\s+1\n/);
  });

  it("refuses bad usage with exit 2", () => {
    expect(keeper("csat", "import").code).toBe(2);
    expect(keeper("csat", "import", "--source", "salesforce", `${FIXTURES}/zendesk.json`).code).toBe(2);
    expect(keeper("csat", "report").code).toBe(2);
    expect(keeper("csat", "report", "--quarter", "2026-Q7").code).toBe(2);
  });

  it("prints the report as the documented JSON", () => {
    const run = keeper("csat", "report", "--quarter", "2026-Q3", "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(["quarter", "organisation", "agents"]);
    expect(json.quarter).toBe("2026-Q3");
    expect(json.organisation).toEqual({ responses: 15, satisfied: 8, csat: 8 / 15, ci95: [expect.any(Number), expect.any(Number)] });
    expect(json.agents).toEqual([
      { email: "kim@sample.keeper.test", responses: 7, satisfied: 7, csat: 1, ci95: [expect.closeTo(0.6457, 4), 1] },
      {
        email: "raj@sample.keeper.test",
        responses: 8,
        satisfied: 1,
        csat: 0.125,
        ci95: [expect.closeTo(0.0224, 4), expect.closeTo(0.4709, 4)],
      },
    ]);
  });

  it("prints a readable table marking too few responses", () => {
    const run = keeper("csat", "report", "--quarter", "2026-Q3", "--team", "Sample");
    expect(run.code).toBe(0);
    expect(run.out).toContain("CSAT 2026-Q3, organisation: 53.3% of 15 responses");
    const lines = run.out.split("\n");
    const header = lines.find((l) => l.startsWith("Agent"))!;
    const kim = lines.find((l) => l.startsWith("kim@"))!;
    expect(kim).toContain("too few responses");
    expect(kim.indexOf("100.0%")).toBe(header.indexOf("CSAT") - 2);
    expect(keeper("csat", "report", "--quarter", "2026-Q3", "--team", "Nope").code).toBe(2);
  });
});
