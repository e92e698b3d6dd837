/**
 * npm run bench — Keeper at the size of a large contact centre, on this machine, in one run:
 * seeds (or reuses) the large organisation, serves the production build on loopback, and measures
 * p50/p95 under 20 concurrent requests for the heaviest pages and the talent API (after the sign-in
 * page as a baseline), the overview again while a manager saves drafts, draft-save p95,
 * first-load JavaScript per route (gzip, what the browser downloads), peak server memory, and the
 * CSAT import against sqlite3's .import (scripts/bench-import.ts). Requires `npm run build` first.
 * BENCH_DB=path reuses a seeded large database (seeding takes about two minutes).
 *
 * Both engines side by side: `npm run bench -- --engines sqlite,postgres` (or
 * BENCH_ENGINES=sqlite,postgres; `npm run bench:engines`) runs the same page and save runs on the
 * SQLite file and then on PostgreSQL holding the same rows (`keeper db copy` of that file, then
 * ANALYZE), and prints one table with both engines' columns. PostgreSQL is BENCH_PG_URL (reused when
 * it already holds the large organisation, else copied into, so it must be empty), or DATABASE_URL
 * when it is a postgres:// URL, or else a throwaway cluster from scripts/pg-cluster.mjs. On
 * PostgreSQL the server's CPU includes the PostgreSQL processes' (the postmaster and its children):
 * on SQLite the database's work happens inside the server process, so only the sum compares.
 * Without the option: SQLite only, as before.
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { Client } from "pg";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { isPostgresUrl, rerunUnderThrowawayCluster } from "./lib/throwaway-cluster";
import { ROOT, parentPid, serverActionId, signInCookie, startServer, memoryPeaks, treeCpuMs, treePids } from "./lib/server";

const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const CONNECTIONS = 20;
const PORT = Number(process.env.BENCH_PORT || 3800);

const CORES = availableParallelism();

interface Row {
  name: string;
  p50: number;
  p95: number;
  rps: number;
  target: number | null;
  non2xx: number;
  /** The server's CPU time per completed request, all processes and threads (PostgreSQL's included). */
  cpuMs: number;
  /** Of which PostgreSQL's processes (0 on SQLite). */
  dbCpuMs: number;
  /** Server processes that died during the run (their CPU is lost, so cpuMs is too low). */
  died: number;
  /** This process's (the load generator's) CPU time per completed request, on the same cores. */
  benchCpuMs: number;
  connections: number;
  peakMb?: number;
}

/**
 * Runs one autocannon load and charges the CPU time the server and this process spent meanwhile
 * to the requests it completed.
 */
/**
 * Where the server's CPU time is read: the server's process tree, and on PostgreSQL also the
 * database's (the postmaster and its children), since on SQLite that work is inside the server.
 */
interface CpuMeter {
  serverPid: number;
  databasePid?: number;
}

async function timed(
  meter: CpuMeter,
  opts: autocannon.Options,
): Promise<{ result: autocannon.Result; cpuMs: number; dbCpuMs: number; benchCpuMs: number; died: number }> {
  const db0 = meter.databasePid ? treeCpuMs(meter.databasePid, { reaped: true }) : 0;
  const server0 = treeCpuMs(meter.serverPid);
  const pids0 = treePids(meter.serverPid);
  const own0 = process.cpuUsage();
  const result = await autocannon(opts);
  const own = process.cpuUsage(own0);
  // A server process that died meanwhile (and was replaced by the supervisor) takes its CPU time
  // with it: the figure would be too low, even negative. Said in the table instead.
  const after = new Set(treePids(meter.serverPid));
  const died = pids0.filter((p) => !after.has(p)).length;
  const completed = Math.max(1, result.requests.total);
  const dbCpuMs = (meter.databasePid ? treeCpuMs(meter.databasePid, { reaped: true }) - db0 : 0) / completed;
  return {
    result,
    cpuMs: (treeCpuMs(meter.serverPid) - server0) / completed + dbCpuMs,
    dbCpuMs,
    benchCpuMs: (own.user + own.system) / 1000 / completed,
    died,
  };
}

async function measure(meter: CpuMeter, url: string, name: string, target: number | null, opts: Partial<autocannon.Options>): Promise<Row> {
  const connections = opts.connections ?? CONNECTIONS;
  const {
    result: r,
    cpuMs,
    dbCpuMs,
    benchCpuMs,
    died,
  } = await timed(meter, { url, connections, duration: SECONDS, ...opts } as autocannon.Options);
  return {
    name,
    p50: r.latency.p50,
    p95: percentile95(r),
    rps: r.requests.average,
    target,
    non2xx: r.non2xx,
    cpuMs,
    dbCpuMs,
    benchCpuMs,
    connections,
    died,
  };
}

/**
 * The least mean latency a request costing `cpuMs` of CPU can have with `connections` requests
 * always in flight on `cores` cores (Little's law: in flight = throughput × latency, and
 * throughput is at most cores ÷ CPU per request). One request at a time can use one core at most.
 * A p95 target below this cannot be met by any tuning short of a cheaper request.
 */
function leastMeanMs(cpuMs: number, connections: number, cores: number): number {
  return cpuMs * Math.max(1, connections / cores);
}

/** autocannon reports p90 and p97.5; p95 is interpolated between them. */
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as Record<string, number>;
  return Math.round(l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90));
}

async function firstLoadJs(url: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(url + path, { headers: { cookie } })).text();
  // noModule scripts are the legacy-browser polyfills (about 39 KB gzip): browsers that run modules,
  // i.e. every supported one, never download them, so they are not part of the first load.
  const scripts = [...html.matchAll(/<script[^>]+>/g)]
    .filter((m) => !/\snomodule/i.test(m[0]))
    .flatMap((m) => /\ssrc="([^"]+\.js[^"]*)"/.exec(m[0])?.[1] ?? []);
  let total = 0;
  for (const src of new Set(scripts)) total += gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer())).length;
  return total;
}

type EngineName = "sqlite" | "postgres";

/** One SELECT's first row, on either engine (the picks below are plain SQL both accept). */
async function firstRow<T>(databaseUrl: string, query: string): Promise<T> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    try {
      return db.prepare(query).get() as T;
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows[0] as T;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server's main process (postmaster): its children are the connections' backends. */
async function postmasterPid(databaseUrl: string): Promise<number | undefined> {
  // The checkpointer lives as long as the server (a connection's own backend exits as soon as the
  // query's connection closes, sometimes before its parent can be read).
  const { pid } = await firstRow<{ pid: number }>(databaseUrl, "select pid from pg_stat_activity where backend_type = 'checkpointer'");
  return parentPid(pid); // undefined when PostgreSQL is not on this machine: its CPU cannot be read
}

interface EngineRun {
  engine: EngineName;
  rows: Row[];
  js: [string, number, number | null][];
  peak: number;
  peakRssSum: number;
  loadAtEnd: string;
  /** Whether PostgreSQL's CPU could be read and is in `cpuMs`. */
  databaseCpu: boolean;
}

/** The page and save runs against one database: a fresh server, the same pages, the same saves. */
async function benchEngine(engine: EngineName, databaseUrl: string, measureJs: boolean): Promise<EngineRun> {
  const pick = async (query: string) => (await firstRow<{ id: number }>(databaseUrl, query)).id;
  const manager = "manager0@large.keeper.test";
  const managerId = await pick(`select id from employees where email = '${manager}'`);
  const teamId = await pick(`select team_id as id from employees where id = ${managerId}`);
  const agentId = await pick(`select id from employees where manager_id = ${managerId} order by id limit 1`);
  const draftTarget = await firstRow<{ id: number; version: number }>(
    databaseUrl,
    `select e.id as id, coalesce(r.version, 0) as version from employees e join cycles c on c.key = '2026-Q4'
    left join reviews r on r.employee_id = e.id and r.cycle_id = c.id where e.manager_id = ${managerId} and coalesce(r.status, 'draft') = 'draft' order by e.id limit 1`,
  );

  const databasePid = engine === "postgres" ? await postmasterPid(databaseUrl) : undefined;
  const server = await startServer({ port: PORT, databaseUrl });
  const serverPid = server.process.pid!;
  const meter: CpuMeter = { serverPid, databasePid };
  // PSS: shared pages (the Node binary, libraries) counted once, not once per process (treeMemoryMb).
  // Also per run, so the table shows which page or save drives the peak. The server's own: on
  // PostgreSQL the database's memory is not in it.
  const memory = memoryPeaks(serverPid, 250);
  try {
    const hr = await signInCookie(server.url, "hr@large.keeper.test");
    const mgr = await signInCookie(server.url, manager);
    const agent = await signInCookie(server.url, `agent0@large.keeper.test`);
    // The sign-in page is the baseline: a server-rendered page with next to nothing of ours in it
    // (no session, no query, one small form), so it shows what Next.js and React cost per request
    // on this machine before any of our data, and every page's p95 is also given as a multiple of it.
    const pages: [string, string, string, number | null][] = [
      ["Sign-in page (baseline)", "/login", "", null],
      ["Organisation talent overview (HR)", "/talent?cycle=2026-Q4", hr, 300],
      ["Team talent review", `/talent/${teamId}?cycle=2026-Q4`, hr, 150],
      ["Manager home", "/", mgr, 150],
      ["Review form", `/reviews/2026-Q4/${agentId}`, mgr, 150],
      ["Agent feedback page", "/feedback", agent, 150],
      ["GET /api/v1/talent (500 teams a page)", "/api/v1/talent?cycle=2026-Q4&limit=500", hr, 150],
    ];
    // A fresh server runs Next's and React's code unoptimised at first (V8 compiles what is hot as
    // it goes): warm it with a few seconds of the baseline so the first measured run does not pay
    // for every run's shared code.
    await autocannon({ url: server.url + "/login", connections: CONNECTIONS, duration: 5 } as autocannon.Options);
    const rows: Row[] = [];
    for (const [name, path, cookie, target] of pages) {
      await fetch(server.url + path, { headers: { cookie } }); // warm up
      memory.newRun();
      rows.push({ ...(await measure(meter, server.url + path, name, target, { headers: { cookie } })), peakMb: memory.peaks.runPss });
      console.log(`  ${engine}: measured ${name}`);
    }
    // Draft saves through the real server action, one review, versions carried forward.
    const action = serverActionId("app/(app)/reviews/actions.ts", "saveDraftAction");
    if (!draftTarget) throw new Error(`${manager} has no draft or unstarted review in 2026-Q4 to save`);
    const draftPayload = (summary: string) => ({
      cycleKey: "2026-Q4",
      employeeId: draftTarget.id,
      version,
      keeperAnswer: "keep",
      keeperReason: "bench",
      summary,
      privateNotes: "",
      traits: [],
    });
    const draftRequest = {
      path: `/reviews/2026-Q4/${draftTarget.id}`,
      headers: { cookie: mgr, "next-action": action, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    };
    let version = Number(draftTarget.version);
    const savedVersion = (body: string) => /"ok":true,"version":(\d+)/.exec(body)?.[1];
    // Checked saves: a failed action (stale version, wrong id) must stop the bench rather than time
    // error responses.
    const saveDraft = async (summary: string) => {
      const res = await fetch(server.url + draftRequest.path, {
        method: "POST",
        headers: draftRequest.headers,
        body: JSON.stringify([draftPayload(summary)]),
      });
      const saved = savedVersion(await res.text());
      if (!saved) throw new Error(`The draft-save action failed (${res.status}); see the server log`);
      version = Number(saved);
    };
    await saveDraft("bench warm-up");

    // The overview again while a manager elsewhere saves drafts (one at a time, half a second
    // apart), as during a cycle: the organisation's figures are memoised, and a draft that stays a
    // draft must not throw the memo away (decision 0007).
    {
      let saving = true;
      let saves = 0;
      const saver = (async () => {
        while (saving) {
          await saveDraft(`bench while reading ${saves}`);
          saves++;
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      memory.newRun();
      const [name, path, cookie, target] = pages.find(([, p]) => p.startsWith("/talent?"))!;
      // Its CPU per request includes the saves'.
      const row = await measure(meter, server.url + path, `${name} while a manager saves drafts`, target, { headers: { cookie } });
      saving = false;
      await saver;
      rows.push({ ...row, name: `${row.name} (${saves} saves)`, peakMb: memory.peaks.runPss });
      console.log(`  ${engine}: measured ${row.name}`);
    }

    memory.newRun();
    const {
      result: save,
      cpuMs: saveCpuMs,
      dbCpuMs: saveDbCpuMs,
      benchCpuMs: saveBenchCpuMs,
      died: saveDied,
    } = await timed(meter, {
      url: server.url,
      connections: 1,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            method: "POST",
            ...draftRequest,
            body: JSON.stringify([draftPayload(`bench ${version}`)]),
          }),
          onResponse: (_status: number, body: string) => {
            const saved = savedVersion(body);
            if (saved) version = Number(saved);
          },
        },
      ],
    } as unknown as autocannon.Options);
    if (save.requests.total === 0) throw new Error(`No draft save completed (${save.errors} errors, ${save.timeouts} timeouts)`);
    rows.push({
      name: "Draft save (server action)",
      p50: save.latency.p50,
      p95: percentile95(save),
      rps: save.requests.average,
      target: 50,
      non2xx: save.non2xx,
      cpuMs: saveCpuMs,
      dbCpuMs: saveDbCpuMs,
      benchCpuMs: saveBenchCpuMs,
      died: saveDied,
      connections: 1,
      peakMb: memory.peaks.runPss,
    });
    console.log(`  ${engine}: measured Draft save (server action)`);

    // The same build on both engines: the JavaScript is measured once.
    const js: [string, number, number | null][] = [];
    if (measureJs) {
      for (const [name, path, cookie] of pages.filter(([, p]) => !p.startsWith("/api")))
        js.push([name, await firstLoadJs(server.url, path, cookie), name === "Review form" ? 150 : null]);
    }

    memory.stop();
    // The machine may be shared: the figures mean little without the load they were taken under.
    const loadAtEnd = loadavg()
      .map((l) => l.toFixed(2))
      .join(", ");
    return {
      engine,
      rows,
      js,
      peak: memory.peaks.pss,
      peakRssSum: memory.peaks.rss,
      loadAtEnd,
      databaseCpu: databasePid !== undefined,
    };
  } finally {
    memory.stop();
    // Stopped before anything else is timed: an idle server still collects garbage after the load
    // ends (V8's memory reducer), on the cores the next run is timed on.
    await server.stop();
  }
}

const verdict = (r: Row) => {
  const errors = (r.non2xx ? `, ${r.non2xx} non-2xx` : "") + (r.died ? `, ${r.died} server process(es) died: CPU figure invalid` : "");
  if (r.target === null) return errors.slice(2);
  return r.p95 < r.target && r.non2xx === 0 ? "met" : `missed${errors}`;
};

/** The table `npm run bench` has always printed, for one engine. */
function singleEngineTable(run: EngineRun): string[] {
  const { rows } = run;
  const baseline = rows[0];
  const benchCpu = rows.map((r) => r.benchCpuMs);
  return [
    `| what (${CONNECTIONS} concurrent, ${SECONDS} s) | p50 ms | p95 ms | p95 × baseline | req/s | server CPU ms / request | least mean ms | target p95 | | server memory, MB (PSS) |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.p50} | ${r.p95} | ${r.name.startsWith("Draft save") ? "" : (r.p95 / baseline.p95).toFixed(2)} | ${r.rps.toFixed(1)} | ` +
        `${r.cpuMs.toFixed(1)} | ${leastMeanMs(r.cpuMs, r.connections, CORES).toFixed(0)} | ${r.target === null ? "" : `< ${r.target}`} | ${verdict(r)} | ${r.peakMb?.toFixed(0) ?? ""} |`,
    ),
    "",
    `Least mean: the lowest mean latency a request with that CPU cost can have with ${CONNECTIONS} requests always in flight on ` +
      `${CORES} cores (${CONNECTIONS} × CPU ÷ ${CORES}, Little's law; the draft save runs one at a time, so its CPU). A p95 target ` +
      `is out of reach of any tuning while the least mean is near or above it: ${CONNECTIONS} connections and a p95 under 150 ms ` +
      `need well under ${((150 * CORES) / CONNECTIONS).toFixed(0)} ms of server CPU per request, and the sign-in page alone takes ` +
      `${baseline.cpuMs.toFixed(1)}. The load generator (this process) took ${Math.min(...benchCpu).toFixed(1)}–${Math.max(...benchCpu).toFixed(1)} ms ` +
      "of CPU per request on the same cores.",
  ];
}

/** Both engines' columns side by side, row by row (the same pages in the same order). */
function sideBySideTable(runs: EngineRun[]): string[] {
  const label = (e: EngineName) => (e === "sqlite" ? "SQLite" : "PostgreSQL");
  const header = runs.map((r) => `${label(r.engine)} p50 | p95 | req/s | CPU ms / req | p95 × baseline | | MB`).join(" | ");
  const [first] = runs;
  const lines = [
    `| what (${CONNECTIONS} concurrent, ${SECONDS} s) | target p95 | ${header} |`,
    `|---|---:|${runs.map(() => "---:|---:|---:|---:|---:|---|---:").join("|")}|`,
    ...first.rows.map((row, i) => {
      const cells = runs.map((run) => {
        const r = run.rows[i];
        const cpu =
          run.engine === "postgres" && run.databaseCpu ? `${r.cpuMs.toFixed(1)} (db ${r.dbCpuMs.toFixed(1)})` : r.cpuMs.toFixed(1);
        const multiple = r.name.startsWith("Draft save") ? "" : (r.p95 / run.rows[0].p95).toFixed(2);
        return `${r.p50} | ${r.p95} | ${r.rps.toFixed(1)} | ${cpu} | ${multiple} | ${verdict(r)} | ${r.peakMb?.toFixed(0) ?? ""}`;
      });
      // The overview-while-saving row names its save count, which differs per run.
      const name = row.name.replace(
        / \(\d+ saves\)$/,
        ` (${runs.map((run) => /\((\d+) saves\)/.exec(run.rows[i].name)?.[1] ?? "?").join(" / ")} saves)`,
      );
      return `| ${name} | ${row.target === null ? "" : `< ${row.target}`} | ${cells.join(" | ")} |`;
    }),
    "",
    "CPU ms / req: the server's CPU time per completed request, every process and thread; on PostgreSQL it includes the " +
      "PostgreSQL server's processes (db: that part), since on SQLite the database's work is inside the server process. " +
      "MB: the server's peak memory (PSS) during the run; PostgreSQL's own is not in it.",
    ...runs.map(
      (run) =>
        `${label(run.engine)}: baseline (sign-in page, no database) ${run.rows[0].cpuMs.toFixed(1)} ms CPU / request, p95 ${run.rows[0].p95} ms; ` +
        `peak server memory ${run.peak.toFixed(0)} MB PSS; load average at the end of its runs ${run.loadAtEnd}` +
        (run.engine === "postgres" && !run.databaseCpu ? "; PostgreSQL runs elsewhere, its CPU is NOT included" : "") +
        ".",
    ),
  ];
  return lines;
}

function enginesWanted(): EngineName[] {
  const at = process.argv.indexOf("--engines");
  const arg = at >= 0 ? process.argv[at + 1] : process.argv.find((a) => a.startsWith("--engines="))?.slice("--engines=".length);
  const list = (arg ?? process.env.BENCH_ENGINES ?? "sqlite")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .map((e) => (e === "pg" || e === "postgresql" ? "postgres" : e));
  for (const e of list) if (e !== "sqlite" && e !== "postgres") throw new Error(`--engines: unknown engine '${e}' (sqlite, postgres)`);
  return [...new Set(list)] as EngineName[];
}

/**
 * PostgreSQL holding the large organisation: reused when it already does, else a copy of the SQLite
 * file (`keeper db copy`, which migrates the empty target), then ANALYZE, since a bulk load leaves
 * the planner without statistics until autovacuum gets to it.
 */
async function preparePostgres(pgUrl: string, dbPath: string): Promise<void> {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const has = await client.query(
      `select 1 from information_schema.tables where table_name = 'employees' and table_schema = current_schema()`,
    );
    const seeded =
      has.rowCount! > 0 && (await client.query(`select 1 from employees where email = 'manager0@large.keeper.test'`)).rowCount! > 0;
    if (!seeded) {
      console.log(`Copying the large organisation from ${dbPath} into PostgreSQL (keeper db copy)…`);
      const t0 = Date.now();
      execFileSync(process.execPath, [join(ROOT, "bin", "keeper"), "db", "copy", "--to", pgUrl], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
        stdio: "inherit",
      });
      console.log(`  copied in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } else console.log("PostgreSQL already holds the large organisation: reusing it.");
    const t0 = Date.now();
    await client.query("analyze");
    console.log(`  ANALYZE in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

async function main() {
  const engines = enginesWanted();
  const pgUrl = process.env.BENCH_PG_URL || (isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined);
  if (engines.includes("postgres") && !pgUrl) {
    // No PostgreSQL given: this same run again under a throwaway cluster, which sets DATABASE_URL.
    console.log("No BENCH_PG_URL: starting a throwaway PostgreSQL cluster (scripts/pg-cluster.mjs).");
    process.exitCode = rerunUnderThrowawayCluster(__filename, process.argv.slice(2), { ...process.env, BENCH_ENGINES: engines.join(",") });
    return;
  }

  let dbPath = process.env.BENCH_DB;
  if (!dbPath || !existsSync(dbPath)) {
    dbPath ??= join(mkdtempSync(join(tmpdir(), "keeper-bench-")), "large.db");
    console.log(`Seeding the large organisation into ${dbPath}…`);
    execFileSync(process.execPath, [join(ROOT, "bin", "keeper"), "demo", "seed", "--scale", "large"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
      stdio: "inherit",
    });
  }
  // Copied before either run saves a draft, so both engines start from the same rows.
  if (engines.includes("postgres")) await preparePostgres(pgUrl!, dbPath);

  const runs: EngineRun[] = [];
  for (const engine of engines) {
    const url = engine === "sqlite" ? `file:${dbPath}` : pgUrl!;
    runs.push(await benchEngine(engine, url, runs.length === 0));
  }

  // The import benchmark is SQLite's (the CSV into the file, against sqlite3's .import): once.
  const { DATABASE_URL: _omit, ...importEnv } = process.env;
  const importRun = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "bench-import.ts")],
    { cwd: ROOT, encoding: "utf8", env: importEnv },
  );
  const importLines = (importRun.stdout || importRun.stderr).trim().split("\n").slice(-8);

  const [first] = runs;
  const table = [
    ...(runs.length === 1 ? singleEngineTable(first) : sideBySideTable(runs)),
    "",
    "| first-load JavaScript (gzip) | KB | target | |",
    "|---|---:|---:|---|",
    ...first.js.map(
      ([name, bytes, target]) =>
        `| ${name} | ${(bytes / 1024).toFixed(1)} | ${target ? `< ${target}` : ""} | ${target ? (bytes / 1024 < target ? "met" : "missed") : ""} |`,
    ),
    "",
    ...(runs.length === 1
      ? [
          `Peak server memory during the page and save runs: ${first.peak.toFixed(0)} MB PSS (target < 500 MB: ${first.peak < 500 ? "met" : "missed"}); ` +
            `${first.peakRssSum.toFixed(0)} MB summing each process's RSS, which counts the pages the supervisor and server processes share once per process.`,
          `Load average at the end of the page and save runs: ${first.loadAtEnd}.`,
        ]
      : []),
    "",
    "CSAT import (scripts/bench-import.ts):",
    ...importLines.map((l) => `    ${l}`),
  ].join("\n");
  console.log(`\n${table}`);
  writeFileSync(join(ROOT, "data", runs.length === 1 ? "bench-latest.md" : "bench-engines-latest.md"), `${table}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
