import { sqliteClient } from "@/db/client";
/**
 * `npm run bench:import`: times importCsat on a deterministic 1,000,000-row generic CSV against
 * the sqlite3 shell's `.import --csv` of the same file into a bare table (the floor for "get
 * these rows into SQLite"), and reports the ratio, the importer's steps and its peak memory.
 * BENCH_ROWS=N changes the row count; the sqlite3 shell must be installed (apt-get install sqlite3).
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { openDatabase, setDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { importCsat, type ImportStep } from "@/lib/importers/csat/run-import";
import { forEachCsvRecord } from "@/lib/importers/csv-rows";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const AGENTS = 200;
const agentEmail = (i: number) => `agent${String(i).padStart(3, "0")}@bench.keeper.test`;

/** mulberry32: a small seeded PRNG, so every run imports the same bytes. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCsv(path: string): Promise<void> {
  const rnd = random(42);
  const scales = [5, 5, 5, 10, 2, 7, 3, 4];
  const comments = ["", "", "", "Great, thanks", '"Slow", but fine', "quick and kind", "Line one\nline two"];
  const channels = ["chat", "email", "phone"];
  const start = Date.UTC(2025, 0, 1);
  const out = createWriteStream(path);
  out.write("\uFEFFresponse_id,agent_email,rating,scale_max,responded_at,channel,comment,ticket_id,updated_at\r\n");
  let lines: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const scale = scales[Math.floor(rnd() * scales.length)];
    const at = new Date(start + Math.floor(rnd() * 365 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, "Z");
    const comment = comments[Math.floor(rnd() * comments.length)];
    const quoted = /[",\n]/.test(comment) ? `"${comment.replace(/"/g, '""')}"` : comment;
    lines.push(
      `r${String(i).padStart(7, "0")},${agentEmail(Math.floor(rnd() * AGENTS))},${1 + Math.floor(rnd() * scale)},${scale},${at},` +
        `${channels[Math.floor(rnd() * 3)]},${quoted},T${i},${at}`,
    );
    if (lines.length === 10_000 || i === ROWS) {
      if (!out.write(lines.join("\r\n") + "\r\n")) await once(out, "drain");
      lines = [];
    }
  }
  out.end();
  await once(out, "finish");
}

/** The CSV is written by a child process so its memory does not count in the importer's peak. */
function generateInChild(csv: string): void {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--generate", csv], { stdio: "inherit" });
  if (child.status !== 0) throw new Error("generating the CSV failed");
}

type Timing = { wallMs: number; cpuMs: number | null };

/** The sqlite3 shell's own CSV import into a bare table; CPU time from /usr/bin/time when present. */
function sqliteShellImport(csv: string, db: string): Timing {
  rmSync(db, { force: true });
  const script = [
    "CREATE TABLE t (response_id TEXT, agent_email TEXT, rating TEXT, scale_max TEXT, responded_at TEXT, channel TEXT, comment TEXT, ticket_id TEXT, updated_at TEXT);",
    `.import --csv --skip 1 '${csv}' t`,
    "SELECT count(*) FROM t;",
  ].join("\n");
  const timed = existsSync("/usr/bin/time");
  const [command, args] = timed ? ["/usr/bin/time", ["-f", "cpu %U %S", "sqlite3", db]] : ["sqlite3", [db]];
  const started = performance.now();
  const result = spawnSync(command, args, { input: script, encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (result.error || result.status !== 0) throw new Error(`sqlite3 failed: ${result.error?.message ?? result.stderr}`);
  if (Number(result.stdout.trim()) !== ROWS) throw new Error(`sqlite3 imported ${result.stdout.trim()} rows, not ${ROWS}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}

type Steps = Partial<Record<ImportStep, number>>;

async function timeImportCsat(csv: string): Promise<Timing & { peakMb: number; steps: Steps }> {
  const steps: Steps = {};
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await importCsat({
    inputs: [{ name: csv, stream: createReadStream(csv, { highWaterMark: 1 << 18 }) }],
    source: "csv",
    via: "cli",
    onStep: (step, ms) => (steps[step] = ms),
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (report.imported !== ROWS || report.rejectedCount !== 0) throw new Error(`unexpected report: ${JSON.stringify(report).slice(0, 500)}`);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, steps };
}

/** CSV parsing (papaparse, via forEachCsvRecord) alone over the same file: the floor for the importer. */
async function timeParseOnly(csv: string): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await forEachCsvRecord(createReadStream(csv, { highWaterMark: 1 << 18 }), () => {});
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const both = (t: Timing) => `${seconds(t.wallMs)} wall${t.cpuMs === null ? "" : `, ${seconds(t.cpuMs)} CPU`}`;

async function main(): Promise<void> {
  if (process.argv[2] === "--generate") return writeCsv(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), "keeper-bench-"));
  try {
    const csv = join(dir, "responses.csv");
    generateInChild(csv);
    const db = openDatabase(join(dir, "keeper.db"));
    await migrateDatabase(db);
    setDb(db);
    const addAgent = sqliteClient(db).prepare("INSERT INTO employees (email, name, created_at, updated_at) VALUES (?, ?, 0, 0)");
    for (let i = 0; i < AGENTS; i++) addAgent.run(agentEmail(i), `Agent ${i}`);
    const rssBefore = process.resourceUsage().maxRSS / 1024;

    // The shell runs before and after the importer; the mean evens out a machine that gets busier.
    const shellBefore = sqliteShellImport(csv, join(dir, "bare.db"));
    const ours = await timeImportCsat(csv);
    sqliteClient(db).close();
    const shellAfter = sqliteShellImport(csv, join(dir, "bare.db"));
    const parseOnly = await timeParseOnly(csv);
    const shellWall = (shellBefore.wallMs + shellAfter.wallMs) / 2;
    const sqliteVersion = spawnSync("sqlite3", ["--version"], { encoding: "utf8" }).stdout.split(" ")[0];
    console.log(
      [
        `machine          ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, sqlite3 shell ${sqliteVersion}`,
        `load average     ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")} (other work on the machine skews both timings)`,
        `file             ${ROWS.toLocaleString("en")} rows, ${(statSync(csv).size / 1024 / 1024).toFixed(1)} MB`,
        `importCsat       ${both(ours)} (${Math.round(ROWS / (ours.wallMs / 1000)).toLocaleString("en")} rows/s)`,
        `  steps          read ${seconds(ours.steps.read ?? 0)} (${ours.steps.worker === undefined ? "no worker" : `worker from ${seconds(ours.steps.worker)}`}), ` +
          `insert ${seconds(ours.steps.insert ?? 0)}, ` +
          `indexes ${seconds(ours.steps.indexes ?? 0)}, commit ${seconds(ours.steps.commit ?? 0)}`,
        `sqlite3 .import  ${both(shellBefore)} before, ${both(shellAfter)} after`,
        `ratio            ${(ours.wallMs / shellWall).toFixed(2)}× wall` +
          (shellBefore.cpuMs !== null && shellAfter.cpuMs !== null
            ? `, ${(ours.cpuMs! / ((shellBefore.cpuMs + shellAfter.cpuMs) / 2)).toFixed(2)}× CPU`
            : ""),
        `papaparse alone  ${both(parseOnly)} (${(parseOnly.wallMs / shellWall).toFixed(2)}× the shell, before any validation or write)`,
        `peak RSS         ${ours.peakMb.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before the import)`,
      ].join("\n"),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
