/**
 * npm run test:multiprocess — two production servers (separate `keeper start` processes, one
 * worker each, different ports) on ONE PostgreSQL database, as two hosts behind a load balancer
 * would run (issue #17). Requires `npm run build` first.
 *
 * 1. Draft saves across both processes: 50 concurrent users (MP_USERS) for 30 s (MP_SECONDS),
 *    each saving review drafts through the real server action, alternating between server A and B
 *    save by save and carrying the version the last save returned. The open cycle of the demo
 *    organisation has fewer unsubmitted reviews than 50, so some reviews have two users writing at
 *    once, from different processes: their saves race, one wins, the other is refused as stale and
 *    reloads the page (on the other server) for the current version. Afterwards the database must
 *    hold, for every review, the save with the highest acknowledged version (no acknowledged save
 *    overwritten by one that was not acknowledged after it), no version may have been acknowledged
 *    twice (two writers both told they won), a user alone on a review must never be refused, and
 *    no response may be a 5xx.
 * 2. The stale tab: a review page loaded on A, the review saved on B, then saved from A with the
 *    page's version: refused as stale, and B's text is what is stored.
 * 3. The talent memo across processes: HR's talent report read on A (twice, so the second read is
 *    A's memo), a review submitted on B, read on A again: the submission is counted.
 *
 * Uses DATABASE_URL when it is a postgres:// URL (the database must be empty or hold only the
 * demo organisation: it is migrated and reseeded); otherwise starts a throwaway cluster with
 * scripts/pg-cluster.mjs for the run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Pool } from "pg";
import { isPostgresUrl, rerunUnderThrowawayCluster } from "./lib/throwaway-cluster";
import { ROOT, parentPid, serverActionId, signInCookie, startServer, treeCpuMs, type RunningServer } from "./lib/server";

const USERS = Number(process.env.MP_USERS || 50);
const SECONDS = Number(process.env.MP_SECONDS || 30);
const PORT_A = Number(process.env.MP_PORT || 3720);
const PORT_B = PORT_A + 1;
const CYCLE = "2026-Q4";

function keeper(args: string[], databaseUrl: string) {
  execFileSync(process.execPath, [join(ROOT, "bin", "keeper"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

type ActionResult = { ok: true; version: number; status: string } | { ok: false; code: string; message: string };

/** The action's return value from its React Server Components response (one line per chunk). */
function actionResult(body: string): ActionResult | null {
  for (const line of body.split("\n")) {
    const json = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!json || !json.includes('"ok":')) continue;
    try {
      const value = JSON.parse(json) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as unknown as ActionResult;
    } catch {
      // not this line
    }
  }
  return null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Stats {
  requests: number;
  fiveXx: { server: string; status: number; path: string }[];
  networkErrors: string[];
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  const started = Date.now();
  console.log("Multi-process test: migrating and seeding the demo organisation into PostgreSQL…");
  keeper(["db", "migrate"], databaseUrl);
  keeper(["demo", "seed"], databaseUrl);

  const pg = new Pool({ connectionString: databaseUrl, max: 4 });
  const targets = (
    await pg.query<{ employeeId: number; manager: string; version: number }>(
      // Whoever the cycle assigns each review to writes it (policy.ts reviewWriterSql): active
      // employees with an unsubmitted review, and the reviewer's email to sign in as.
      `select e.id as "employeeId", m.email as manager, coalesce(r.version, 0)::int as version from employees e
       join cycles c on c.key = $1
       join cycle_participants cp on cp.cycle_id = c.id and cp.employee_id = e.id
       join employees m on m.id = cp.reviewer_id
       left join reviews r on r.employee_id = e.id and r.cycle_id = c.id
       where e.active = 1 and e.id <> m.id and coalesce(r.status, 'draft') = 'draft' order by e.id`,
      [CYCLE],
    )
  ).rows;
  const traitIds = (
    await pg.query<{ id: number }>(`select t.id from cycle_traits t join cycles c on c.id = t.cycle_id where c.key = $1 order by t.id`, [
      CYCLE,
    ])
  ).rows.map((r) => r.id);
  // Two reviews kept out of the load for the stale-tab and memo checks.
  if (targets.length < 4) throw new Error(`only ${targets.length} unsubmitted reviews in ${CYCLE}; the demo seed changed?`);
  const staleTarget = targets.pop()!;
  const memoTarget = targets.pop()!;

  // One worker each: two processes in all, as two single-core hosts would run, and room on a small
  // machine for PostgreSQL and the load generator.
  const env = { KEEPER_WORKERS: "1" };
  const logDir = mkdtempSync(join(tmpdir(), "keeper-mp-"));
  const logFiles = [join(logDir, "server-a.log"), join(logDir, "server-b.log")];
  const servers: RunningServer[] = [];
  const stats: Stats = { requests: 0, fiveXx: [], networkErrors: [] };
  const failures: string[] = [];
  try {
    servers.push(await startServer({ port: PORT_A, databaseUrl, env, logFile: logFiles[0] }));
    servers.push(await startServer({ port: PORT_B, databaseUrl, env, logFile: logFiles[1] }));
    const [A, B] = servers;
    const nameOf = (s: RunningServer) => (s === A ? "A" : "B");
    console.log(`  server A ${A.url} (pid ${A.process.pid}), server B ${B.url} (pid ${B.process.pid}), one PostgreSQL database`);

    /** Every request of the test goes through here, so none escapes the 5xx count. */
    const request = async (server: RunningServer, path: string, init: RequestInit = {}) => {
      stats.requests++;
      try {
        const res = await fetch(server.url + path, { redirect: "manual", ...init });
        const body = await res.text();
        if (res.status >= 500) {
          stats.fiveXx.push({ server: nameOf(server), status: res.status, path });
          if (stats.fiveXx.length <= 3) console.error(`  ${res.status} from ${nameOf(server)} ${path}: ${body.slice(0, 300)}`);
        }
        return { status: res.status, body };
      } catch (error) {
        stats.networkErrors.push(`${nameOf(server)} ${path}: ${String(error)}`);
        return { status: 0, body: "" };
      }
    };

    // Sessions are signed cookies: half signed in on A, half on B, and each used on both.
    const cookies = new Map<string, string>();
    const emails = [...new Set([...targets, staleTarget, memoTarget].map((t) => t.manager)), "hr@demo.keeper.test"];
    for (const [i, email] of emails.entries()) cookies.set(email, await signInCookie(servers[i % 2].url, email));

    const saveAction = serverActionId("app/(app)/reviews/actions.ts", "saveDraftAction");
    const submitAction = serverActionId("app/(app)/reviews/actions.ts", "submitReviewAction");
    const callAction = async (server: RunningServer, action: string, cookie: string, payload: Record<string, unknown>) => {
      const res = await request(server, `/reviews/${CYCLE}/${String(payload.employeeId)}`, {
        method: "POST",
        headers: { cookie, "next-action": action, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([payload]),
      });
      return { status: res.status, result: res.status === 200 ? actionResult(res.body) : null };
    };
    const draft = (employeeId: number, version: number, summary: string) => ({
      cycleKey: CYCLE,
      employeeId,
      version,
      keeperAnswer: "keep",
      keeperReason: "multi-process test",
      summary,
      privateNotes: "",
      traits: [],
    });
    /** The version a freshly loaded review page shows (the form's props in the page's RSC payload). */
    const pageVersion = async (server: RunningServer, cookie: string, employeeId: number): Promise<number | null> => {
      const res = await request(server, `/reviews/${CYCLE}/${employeeId}`, { headers: { cookie } });
      const match = /\\?"version\\?":(\d+)/.exec(res.body);
      if (!(res.status === 200 && match) && !existsSync(join(logDir, "review-page.txt")))
        writeFileSync(join(logDir, "review-page.txt"), `${res.status}\n${res.body}`);
      return res.status === 200 && match ? Number(match[1]) : null;
    };
    const storedReview = async (employeeId: number) =>
      (
        await pg.query<{ version: number; summary: string; status: string }>(
          `select r.version, r.summary, r.status from reviews r join cycles c on c.id = r.cycle_id where c.key = $1 and r.employee_id = $2`,
          [CYCLE, employeeId],
        )
      ).rows[0];

    // ---- 1. Draft saves across both processes -------------------------------------------------
    const writersOf = new Map<number, number>();
    for (let u = 0; u < USERS; u++) {
      const id = targets[u % targets.length].employeeId;
      writersOf.set(id, (writersOf.get(id) ?? 0) + 1);
    }
    interface Ack {
      version: number;
      summary: string;
    }
    const acks = new Map<number, Ack[]>(targets.map((t) => [t.employeeId, []]));
    const latencies: number[] = [];
    let staleShared = 0;
    let staleAlone = 0;
    let otherRefusals = 0;
    let reloadsWithoutVersion = 0;
    const perServer = { A: 0, B: 0 };
    const rollbacksBefore = Number(
      (await pg.query<{ n: string }>(`select xact_rollback as n from pg_stat_database where datname = current_database()`)).rows[0].n,
    );
    // PostgreSQL's CPU too, when it runs here: the postmaster and its backends.
    const postmaster = parentPid((await pg.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid);
    const pgCpu0 = postmaster ? treeCpuMs(postmaster, { reaped: true }) : 0;
    const cpu0 = servers.map((s) => treeCpuMs(s.process.pid!));
    const loadStart = Date.now();
    const deadline = loadStart + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: USERS }, async (_, u) => {
        const target = targets[u % targets.length];
        const cookie = cookies.get(target.manager)!;
        const shared = writersOf.get(target.employeeId)! > 1;
        // Start from what the page shows now (another user may have saved already).
        // The second user on a review starts on the other server, so the two race across processes.
        const offset = u + Math.floor(u / targets.length);
        let version = (await pageVersion(servers[offset % 2], cookie, target.employeeId)) ?? target.version;
        for (let seq = 1; Date.now() < deadline; seq++) {
          const server = servers[(offset + seq) % 2];
          const summary = `mp-u${u}-s${seq}`;
          const t0 = performance.now();
          const { status, result } = await callAction(server, saveAction, cookie, draft(target.employeeId, version, summary));
          const ms = performance.now() - t0;
          if (result?.ok) {
            latencies.push(ms);
            perServer[nameOf(server)]++;
            acks.get(target.employeeId)!.push({ version: result.version, summary });
            version = result.version;
            continue;
          }
          if (result && result.code === "stale") {
            if (shared) staleShared++;
            else {
              staleAlone++;
              failures.push(`user ${u} alone on review ${target.employeeId} refused as stale at version ${version} on ${nameOf(server)}`);
            }
          } else if (result) {
            otherRefusals++;
            failures.push(`save refused on ${nameOf(server)}: ${JSON.stringify(result)}`);
          } else if (status !== 0 && status < 500) {
            otherRefusals++;
            failures.push(`save on ${nameOf(server)} answered ${status} without an action result`);
          }
          // Reload the page, on the other server, for the version to continue from.
          const reloaded = await pageVersion(servers[(offset + seq + 1) % 2], cookie, target.employeeId);
          if (reloaded === null) {
            reloadsWithoutVersion++;
            version = (await storedReview(target.employeeId))?.version ?? 0;
          } else version = reloaded;
        }
      }),
    );
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const cpuMs = servers.map((s, i) => treeCpuMs(s.process.pid!) - cpu0[i]);
    const pgCpuMs = postmaster ? treeCpuMs(postmaster, { reaped: true }) - pgCpu0 : null;
    // PostgreSQL publishes a backend's counters when it goes idle, at most once a second.
    await new Promise((r) => setTimeout(r, 1500));
    const rollbacks =
      Number(
        (await pg.query<{ n: string }>(`select xact_rollback as n from pg_stat_database where datname = current_database()`)).rows[0].n,
      ) - rollbacksBefore;

    // Verification, from the database itself.
    let lost = 0;
    let doubleAcks = 0;
    let acked = 0;
    for (const [employeeId, list] of acks) {
      acked += list.length;
      const versions = new Set<number>();
      for (const a of list) {
        if (versions.has(a.version)) {
          doubleAcks++;
          failures.push(`review ${employeeId}: version ${a.version} acknowledged to two saves (a lost update)`);
        }
        versions.add(a.version);
      }
      if (list.length === 0) continue;
      const last = list.reduce((m, a) => (a.version > m.version ? a : m));
      const stored = await storedReview(employeeId);
      // Every save waited for its answer, so nothing unacknowledged can have landed after the last.
      if (!stored || stored.version !== last.version || stored.summary !== last.summary) {
        lost++;
        failures.push(
          `review ${employeeId}: last acknowledged save ${last.summary} (version ${last.version}), stored ${stored?.summary} (version ${stored?.version})`,
        );
      }
    }
    if (acked === 0) failures.push("no save was acknowledged");
    if (perServer.A === 0 || perServer.B === 0) failures.push(`saves acknowledged per server: ${JSON.stringify(perServer)}`);
    latencies.sort((a, b) => a - b);
    const sharedReviews = [...writersOf.values()].filter((n) => n > 1).length;
    console.log(
      `  1. ${USERS} users saving drafts for ${loadSeconds.toFixed(1)} s, alternating A and B save by save, on ${targets.length} reviews (${sharedReviews} with two writers):`,
    );
    console.log(
      `     acknowledged saves ${acked} (${(acked / loadSeconds).toFixed(1)} saves/s; A ${perServer.A}, B ${perServer.B}); ` +
        `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms`,
    );
    console.log(
      `     lost acknowledged saves ${lost}; versions acknowledged twice ${doubleAcks}; 5xx ${stats.fiveXx.length}; network errors ${stats.networkErrors.length}`,
    );
    console.log(
      `     refused as stale: ${staleShared} where two users race on one review (expected), ${staleAlone} for a user alone on a review (must be 0); other refusals ${otherRefusals}`,
    );
    console.log(
      `     PostgreSQL transactions rolled back and retried by writeTx (serialization failures, deadlocks): ${rollbacks}; ` +
        `CPU: server A ${(cpuMs[0] / 1000).toFixed(1)} s, B ${(cpuMs[1] / 1000).toFixed(1)} s, PostgreSQL ${pgCpuMs === null ? "n/a (not on this machine)" : `${(pgCpuMs / 1000).toFixed(1)} s`}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores` +
        (reloadsWithoutVersion ? `; ${reloadsWithoutVersion} reloads without a readable version (read from the database)` : ""),
    );

    // ---- 2. The stale tab ------------------------------------------------------------------------
    {
      const cookie = cookies.get(staleTarget.manager)!;
      const id = staleTarget.employeeId;
      // Make sure the review exists, then open it on A.
      const first = await callAction(A, saveAction, cookie, draft(id, (await storedReview(id))?.version ?? 0, "stale-tab: before"));
      if (!first.result?.ok) failures.push(`stale tab: the first save failed: ${JSON.stringify(first)}`);
      const tabVersion = await pageVersion(A, cookie, id);
      const current = (await storedReview(id))?.version;
      if (tabVersion === null || tabVersion !== current)
        failures.push(`stale tab: page on A shows version ${tabVersion}, database ${current}`);
      const onB = await callAction(B, saveAction, cookie, draft(id, tabVersion ?? 0, "stale-tab: saved on B"));
      const fromA = await callAction(A, saveAction, cookie, draft(id, tabVersion ?? 0, "stale-tab: stale save from A"));
      const stored = await storedReview(id);
      const refused = fromA.result?.ok === false && fromA.result.code === "stale" && /another tab or window/.test(fromA.result.message);
      const ok =
        onB.result?.ok === true && refused && stored?.summary === "stale-tab: saved on B" && stored.version === (tabVersion ?? 0) + 1;
      console.log(
        `  2. Stale tab: page loaded on A at version ${tabVersion}; saved on B → ${JSON.stringify(onB.result && { ok: onB.result.ok, version: onB.result.ok ? onB.result.version : undefined })}; ` +
          `saved from A with version ${tabVersion} → ${fromA.result?.ok === false ? `refused (${fromA.result.code})` : JSON.stringify(fromA)}; ` +
          `stored: "${stored?.summary}" version ${stored?.version}: ${ok ? "ok" : "FAILED"}`,
      );
      if (!ok) failures.push("stale tab check failed");
    }

    // ---- 3. The talent memo across processes --------------------------------------------------------
    try {
      const hr = cookies.get("hr@demo.keeper.test")!;
      const submittedOn = async (server: RunningServer) => {
        const res = await request(server, `/api/v1/talent?cycle=${CYCLE}&limit=500`, { headers: { cookie: hr } });
        if (res.status !== 200) throw new Error(`talent API on ${nameOf(server)} answered ${res.status}`);
        const body = JSON.parse(res.body) as { teams: { completion: { submitted: number } }[] };
        return body.teams.reduce((n, t) => n + t.completion.submitted, 0);
      };
      const overview = async (server: RunningServer) =>
        (await request(server, `/talent?cycle=${CYCLE}`, { headers: { cookie: hr } })).status;
      const before = await submittedOn(A);
      const memoised = await submittedOn(A); // the same version: A's memo answers
      const overviewBefore = await overview(A);
      const cookie = cookies.get(memoTarget.manager)!;
      const version = (await storedReview(memoTarget.employeeId))?.version ?? 0;
      const submitted = await callAction(B, submitAction, cookie, {
        ...draft(memoTarget.employeeId, version, "Submitted on server B by the multi-process test."),
        traits: traitIds.map((cycleTraitId) => ({ cycleTraitId, rating: null, notObserved: true, comment: "" })),
      });
      const after = await submittedOn(A);
      const overviewAfter = await overview(A);
      const onB = await submittedOn(B);
      const ok =
        submitted.result?.ok === true &&
        memoised === before &&
        after === before + 1 &&
        onB === after &&
        overviewBefore === 200 &&
        overviewAfter === 200;
      console.log(
        `  3. Talent memo: submitted reviews in HR's report on A ${before} (again, memoised: ${memoised}); review submitted on B → ` +
          `${submitted.result?.ok ? "ok" : JSON.stringify(submitted)}; on A now ${after}, on B ${onB}; overview page on A ${overviewBefore}/${overviewAfter}: ${ok ? "ok" : "FAILED"}`,
      );
      if (!ok) failures.push("talent memo check failed: a read on A after a write on B did not see it");
    } catch (error) {
      console.log(`  3. Talent memo: FAILED (${String(error)})`);
      failures.push(`talent memo check: ${String(error)}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pg.end();
  }

  if (stats.fiveXx.length > 0) failures.push(`${stats.fiveXx.length} 5xx responses: ${JSON.stringify(stats.fiveXx.slice(0, 5))}`);
  if (stats.networkErrors.length > 0)
    failures.push(`${stats.networkErrors.length} network errors: ${stats.networkErrors.slice(0, 3).join("; ")}`);
  console.log(
    `  ${stats.requests} requests in all; ${((Date.now() - started) / 1000).toFixed(0)} s including the seed and the server starts`,
  );
  for (const f of failures.slice(0, 20)) console.log(`  FAIL: ${f}`);
  if (failures.length > 0) {
    // The servers' errors, for the cause: each log line is JSON (pino), level 50 and up is an error.
    for (const [i, file] of logFiles.entries()) {
      const errors = readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => /"level":(5|6)\d/.test(l) || /^\s*(Error|error|⨯)/.test(l));
      if (errors.length)
        console.log(`  server ${"AB"[i]} logged ${errors.length} errors (${file}); the first:\n    ${errors.slice(0, 3).join("\n    ")}`);
    }
  } else rmSync(logDir, { recursive: true, force: true });
  console.log(failures.length === 0 ? "PASS" : "FAIL");
  process.exitCode = failures.length === 0 ? 0 : 1;
}

// Without a PostgreSQL URL: this same script again under a throwaway cluster.
if (!isPostgresUrl(process.env.DATABASE_URL)) process.exit(rerunUnderThrowawayCluster(__filename));
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
