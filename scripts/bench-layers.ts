/**
 * npm run bench:layers — what each hand-made performance layer buys (decision 0021), in one run: the same pages
 * with every layer on, then with one layer off at a time (KEEPER_LAYERS_OFF), on one server
 * process, reporting server CPU per request and the ratio to the all-on run; then the cluster
 * supervisor, as requests per second with KEEPER_WORKERS=1 against one per core. CPU time, not
 * latency, so other work on the machine moves the figures little. Requires `npm run build`;
 * BENCH_DB=path reuses a seeded large database.
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, signInCookie, startServer, treeCpuMs } from "./lib/server";

const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = 10;
const PORT = Number(process.env.BENCH_PORT || 3850);
const LAYERS = ["session-cache", "read-memo"] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

interface Page {
  name: string;
  path: string;
  who: "hr" | "manager" | "agent";
}

async function cpuPerRequest(url: string, pid: number, cookie: string): Promise<{ cpuMs: number; rps: number }> {
  await fetch(url, { headers: { cookie } });
  const before = treeCpuMs(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } } as autocannon.Options);
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} responses were not 2xx`);
  return { cpuMs: (treeCpuMs(pid) - before) / Math.max(1, result.requests.total), rps: result.requests.average };
}

async function measurePages(dbPath: string, pages: Page[], env: Record<string, string>): Promise<number[]> {
  const server = await startServer({ port: PORT, dbPath, env });
  try {
    const cookies = {
      hr: await signInCookie(server.url, "hr@large.keeper.test"),
      manager: await signInCookie(server.url, "manager0@large.keeper.test"),
      agent: await signInCookie(server.url, "agent0@large.keeper.test"),
    };
    // Warm V8 on the baseline page so the first measured page does not pay for shared code.
    await autocannon({ url: server.url + "/login", connections: CONNECTIONS, duration: 4 } as autocannon.Options);
    const out: number[] = [];
    for (const page of pages) out.push((await cpuPerRequest(server.url + page.path, server.process.pid!, cookies[page.who])).cpuMs);
    return out;
  } finally {
    await server.stop();
  }
}

async function main() {
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
  const db = new Database(dbPath, { readonly: true });
  const managerId = (db.prepare("select id from employees where email = 'manager0@large.keeper.test'").get() as { id: number }).id;
  const teamId = (db.prepare(`select team_id as id from employees where id = ${managerId}`).get() as { id: number }).id;
  const agentId = (db.prepare(`select id from employees where manager_id = ${managerId} order by id limit 1`).get() as { id: number }).id;
  db.close();
  const pages: Page[] = [
    { name: "Sign-in page (baseline)", path: "/login", who: "agent" },
    { name: "GET /api/v1/me", path: "/api/v1/me", who: "agent" },
    { name: "Agent feedback page", path: "/feedback", who: "agent" },
    { name: "Manager home", path: "/", who: "manager" },
    { name: "Review form", path: `/reviews/2026-Q4/${agentId}`, who: "manager" },
    { name: "Team talent review", path: `/talent/${teamId}?cycle=2026-Q4`, who: "hr" },
    { name: "Organisation overview", path: "/talent?cycle=2026-Q4", who: "hr" },
    { name: "GET /api/v1/talent", path: "/api/v1/talent?cycle=2026-Q4&limit=500", who: "hr" },
  ];
  const one = { KEEPER_WORKERS: "1" };
  // Rounds interleave the variants, so a burst of other work on the machine lands on all of them;
  // each cell is the median of its rounds.
  const variants = ["", ...LAYERS];
  const runs: Record<string, number[][]> = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const layer of variants) {
      console.log(`round ${round}/${ROUNDS}: ${layer ? `${layer} off` : "every layer on"}…`);
      runs[layer].push(await measurePages(dbPath, pages, layer ? { ...one, KEEPER_LAYERS_OFF: layer } : one));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const cell = (layer: string, i: number) => median(runs[layer].map((r) => r[i]));
  console.log(
    `\nServer CPU ms per request, one process, ${CONNECTIONS} connections, ${SECONDS} s per page, median of ${ROUNDS} rounds (× = without the layer ÷ with it)\n`,
  );
  console.log(`| page | all on | ${LAYERS.map((l) => `${l} off`).join(" | ")} |`);
  console.log(`|---|---:|${LAYERS.map(() => "---:").join("|")}|`);
  pages.forEach((page, i) => {
    const base = cell("", i);
    const cells = LAYERS.map((l) => `${cell(l, i).toFixed(1)} (×${(cell(l, i) / base).toFixed(2)})`);
    console.log(`| ${page.name} | ${base.toFixed(1)} | ${cells.join(" | ")} |`);
  });

  // The supervisor's worth is throughput: one process uses one core.
  const cores = Math.min(4, availableParallelism());
  const throughput: Record<string, number> = {};
  for (const workers of ["1", String(cores)]) {
    const server = await startServer({ port: PORT, dbPath, env: { KEEPER_WORKERS: workers } });
    try {
      const cookie = await signInCookie(server.url, "manager0@large.keeper.test");
      await autocannon({ url: server.url + "/login", connections: 20, duration: 4 } as autocannon.Options);
      const r = await autocannon({ url: server.url + "/", connections: 20, duration: SECONDS, headers: { cookie } } as autocannon.Options);
      throughput[workers] = r.requests.average;
    } finally {
      await server.stop();
    }
  }
  console.log(
    `\nManager home, 20 connections: ${throughput["1"].toFixed(1)} req/s with 1 process, ${throughput[String(cores)].toFixed(1)} with ${cores} (×${(throughput[String(cores)] / throughput["1"]).toFixed(2)})`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
