/**
 * npm run test:load — 50 concurrent signed-in users against the production build on loopback for
 * 60 s (LOAD_SECONDS), half saving review drafts through the real server action, half reading
 * pages and the API. Passes with zero 5xx responses and every acknowledged save present afterwards.
 * Requires `npm run build` first.
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT, serverActionId, signInCookie, startServer, memoryPeaks } from "./lib/server";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 50);
const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const PORT = Number(process.env.LOAD_PORT || 3700);

interface Writer {
  cookie: string;
  employeeId: number;
  version: number;
  seq: number;
  acked: string | null;
  ackedCount: number;
  failures: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "keeper-load-"));
  const dbPath = join(dir, "keeper.db");
  execFileSync(process.execPath, [join(ROOT, "bin", "keeper"), "demo", "seed"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbPath}` },
    stdio: "ignore",
  });
  const server = await startServer({ port: PORT, dbPath });
  const memory = memoryPeaks(server.process.pid!, 500);
  try {
    const db = new Database(dbPath, { readonly: true });
    // Writers: one open-cycle review each that is not submitted, owned by its manager.
    const targets = db
      .prepare(
        `select e.id as employeeId, m.email as manager, coalesce(r.version, 0) as version from employees e
        join employees m on m.id = e.manager_id join cycles c on c.key = '2026-Q4'
        left join reviews r on r.employee_id = e.id and r.cycle_id = c.id
        where coalesce(r.status, 'draft') = 'draft' order by e.id`,
      )
      .all() as { employeeId: number; manager: string; version: number }[];
    db.close();
    const cookies = new Map<string, string>();
    for (const email of new Set([
      ...targets.map((t) => t.manager),
      "hr@demo.keeper.test",
      "ava@demo.keeper.test",
      "director@demo.keeper.test",
    ])) {
      cookies.set(email, await signInCookie(server.url, email));
    }
    const writerCount = Math.min(CONNECTIONS, targets.length);
    const writers: Writer[] = targets.slice(0, writerCount).map((t) => ({
      cookie: cookies.get(t.manager)!,
      employeeId: t.employeeId,
      version: t.version,
      seq: 0,
      acked: null,
      ackedCount: 0,
      failures: 0,
    }));
    const readers = [
      { cookie: cookies.get("hr@demo.keeper.test")!, path: "/api/v1/reviews?cycle=2026-Q3" },
      { cookie: cookies.get("director@demo.keeper.test")!, path: "/" },
      { cookie: cookies.get("ava@demo.keeper.test")!, path: "/" },
      { cookie: cookies.get(targets[0].manager)!, path: `/reviews/2026-Q4/${targets[0].employeeId}` },
      { cookie: cookies.get("hr@demo.keeper.test")!, path: "/hr/cycles" },
    ];
    const saveAction = serverActionId("app/(app)/reviews/actions.ts", "saveDraftAction");
    // autocannon resets a connection's context after every request, so identity cannot live there:
    // each save borrows a free writer slot (one review, one save in flight at a time) and returns
    // it when the response arrives; every other request reads.
    const freeWriters = writers.map((_, i) => i);
    let turn = 0;
    type Ctx = { writer?: number; reader?: number };

    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>, context: Ctx) => {
            turn += 1;
            if (turn % 2 === 0 && freeWriters.length > 0) {
              const index = freeWriters.shift()!;
              const w = writers[index];
              context.writer = index;
              w.seq += 1;
              const payload = {
                cycleKey: "2026-Q4",
                employeeId: w.employeeId,
                version: w.version,
                keeperAnswer: "keep",
                keeperReason: `load ${index}`,
                summary: `load-${index}-${w.seq}`,
                privateNotes: "",
                traits: [],
              };
              return {
                ...req,
                method: "POST",
                path: `/reviews/2026-Q4/${w.employeeId}`,
                headers: {
                  cookie: w.cookie,
                  "next-action": saveAction,
                  accept: "text/x-component",
                  "content-type": "text/plain;charset=UTF-8",
                },
                body: JSON.stringify([payload]),
              };
            }
            const r = readers[turn % readers.length];
            return { ...req, method: "GET", path: r.path, headers: { cookie: r.cookie } };
          },
          onResponse: (status: number, body: string, context: Ctx) => {
            if (context.writer === undefined) return;
            const index = context.writer;
            const w = writers[index];
            const version = /"ok":true,"version":(\d+)/.exec(body);
            if (status === 200 && version) {
              w.version = Number(version[1]);
              w.acked = `load-${index}-${w.seq}`;
              w.ackedCount += 1;
            } else w.failures += 1;
            freeWriters.push(index);
          },
        },
      ],
    } as unknown as autocannon.Options);

    const check = new Database(dbPath, { readonly: true });
    const stored = check.prepare(
      `select r.summary from reviews r join cycles c on c.id = r.cycle_id where c.key = '2026-Q4' and r.employee_id = ?`,
    );
    // A save still in flight when the run stops may land without being acknowledged, so the stored
    // value must be the last acknowledged save or a later one from the same writer, never older.
    const seqOf = (summary: string | undefined) => Number(/^load-\d+-(\d+)$/.exec(summary ?? "")?.[1] ?? -1);
    const lost = writers.filter(
      (w) => w.acked !== null && seqOf((stored.get(w.employeeId) as { summary: string } | undefined)?.summary) < seqOf(w.acked),
    );
    const acked = writers.reduce((n, w) => n + w.ackedCount, 0);
    check.close();
    const fiveXx = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => code.startsWith("5"))
      .reduce((n, [, v]) => n + (v as { count: number }).count, 0);
    console.log(
      `Load test: ${CONNECTIONS} concurrent users for ${SECONDS} s on ${server.url}: half the requests save drafts (${writers.length} reviews), half read pages and the API`,
    );
    console.log(
      `  requests: ${result.requests.total} (${result.requests.average.toFixed(1)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    console.log(`  status codes: ${JSON.stringify(result.statusCodeStats)}; errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log(
      `  acknowledged saves: ${acked}; failed saves: ${writers.reduce((n, w) => n + w.failures, 0)}; lost acknowledged saves: ${lost.length}`,
    );
    console.log(
      `  peak server memory: ${memory.peaks.pss.toFixed(0)} MB PSS (${memory.peaks.rss.toFixed(0)} MB summing each process's RSS)`,
    );
    const pass = fiveXx === 0 && lost.length === 0 && result.errors === 0 && acked > 0;
    console.log(pass ? "PASS" : "FAIL");
    process.exitCode = pass ? 0 : 1;
  } finally {
    memory.stop();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
