/** Shared by the load test, the fault tests and the benchmarks: a production server on loopback. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export function removeDatabase(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Starts `keeper start` (the production build) on loopback and waits until it answers. The database
 * is `databaseUrl` (any URL db/engine.ts accepts: `postgres://…` or `file:…`) or the SQLite file
 * `dbPath`; one of them is required.
 */
export async function startServer(opts: {
  port: number;
  dbPath?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** A file that gets the server's stdout (its JSON log); otherwise it is discarded. */
  logFile?: string;
}): Promise<RunningServer> {
  const databaseUrl = opts.databaseUrl ?? (opts.dbPath ? `file:${opts.dbPath}` : undefined);
  if (!databaseUrl) throw new Error("startServer needs a databaseUrl or a dbPath");
  const child = spawn(process.execPath, [join(ROOT, "bin", "keeper"), "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
      KEEPER_SECRET_KEY: "YmVuY2gtb25seS1rZWVwZXItc2VjcmV0LWtleS0wMDA=",
      NEXT_TELEMETRY_DISABLED: "1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (opts.logFile) child.stdout?.pipe(createWriteStream(opts.logFile));
  else child.stdout?.resume();
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in through the standard Auth.js endpoint and returns the session cookie header. */
export async function signInCookie(url: string, email: string, password = "keeper-demo-pass"): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session;
}

/** The id Next gave a server action in this build, from the build's action manifest. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in ${file}; run npm run build first`);
  return entry[0];
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process's parent (e.g. the PostgreSQL postmaster of a backend), or undefined if unreadable. */
export function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** A process and its descendants (the server runs under a supervisor, `keeper start`). */
export function treePids(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap((c) => [c, ...childrenOf(c)])];
}

/**
 * Memory of a process and all its descendants in MB.
 * `rss` sums each process's resident set, which counts pages the processes share (the Node
 * binary, libraries, anything mapped from the same file) once per process. `pss` (proportional
 * set size, from smaps_rollup) splits each shared page between the processes that map it: the
 * memory the tree really costs the machine, and what the benchmark's target is judged on.
 */
export function treeMemoryMb(pid: number): { rss: number; pss: number } {
  let rssKb = 0;
  let pssKb = 0;
  for (const p of treePids(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      rssKb += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // the process ended between listing and reading
    }
  }
  return { rss: rssKb / 1024, pss: pssKb / 1024 };
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time, user and system, of a process and all its descendants in ms: every thread's, so V8's
 * garbage-collection helpers and libuv's pool count too (utime and stime of /proc/PID/stat).
 * `reaped` adds what exited children used (cutime and cstime): for PostgreSQL, whose backends end
 * with their connections, so a difference of two readings does not lose a backend's CPU (or go
 * negative) when a connection closes in between.
 */
export function treeCpuMs(pid: number, opts: { reaped?: boolean } = {}): number {
  let ticks = 0;
  for (const p of treePids(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // The fields after the command name, which may itself hold spaces: state is the first,
      // utime the 12th and stime the 13th; cutime and cstime (the 14th and 15th) are the CPU of
      // children that have exited and been waited for.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      if (opts.reaped) ticks += Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended between listing and reading
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Samples `treeMemoryMb` every `everyMs` and keeps the peaks: over the whole life of the sampler,
 * and since the last `newRun()` (PSS), so a benchmark can say which run drove the peak.
 */
export function memoryPeaks(pid: number, everyMs: number) {
  const peaks = { pss: 0, rss: 0, runPss: 0 };
  const timer = setInterval(() => {
    const memory = treeMemoryMb(pid);
    peaks.pss = Math.max(peaks.pss, memory.pss);
    peaks.rss = Math.max(peaks.rss, memory.rss);
    peaks.runPss = Math.max(peaks.runPss, memory.pss);
  }, everyMs);
  return {
    peaks,
    newRun: () => {
      peaks.runPss = 0;
    },
    stop: () => clearInterval(timer),
  };
}
