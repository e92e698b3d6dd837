// `keeper start` runs this in a plain Node process: no TypeScript loader, no database connection,
// so the process that only supervises the server processes stays small (decision 0009).
"use strict";
const cluster = require("node:cluster");
const { spawn, spawnSync } = require("node:child_process");
const { availableParallelism } = require("node:os");
const { join } = require("node:path");
const { parseSecretKey } = require("./secret-key.cjs");

/** Each `next start` process costs about 200 MB under load, hence the cap on the default. */
const MAX_DEFAULT_WORKERS = 4;

/**
 * V8 grows a busy process's heap far beyond what it keeps alive (two processes reached 780 MB
 * under the benchmark without a limit, 520 MB with 192 MB each, less with 160, at the same speed).
 * Imports stream and the talent API is memoised, so nothing needs more.
 */
const DEFAULT_WORKER_HEAP_MB = 160;

/** How many server processes: KEEPER_WORKERS, else one per core up to MAX_DEFAULT_WORKERS. */
function serverWorkerCount(setting, cpus) {
  if (setting === undefined || String(setting).trim() === "")
    return { ok: true, workers: Math.max(1, Math.min(cpus, MAX_DEFAULT_WORKERS)) };
  const n = Number(String(setting).trim());
  if (!Number.isInteger(n) || n < 1 || n > 64)
    return { ok: false, error: `KEEPER_WORKERS must be a whole number from 1 to 64 (got '${setting}').` };
  return { ok: true, workers: n };
}

/** More than `maxDeaths` deaths within `windowMs` is a crash loop: stop instead of hiding it. */
function shouldRestartWorker(deathTimes, now, maxDeaths = 5, windowMs = 60_000) {
  return deathTimes.filter((t) => now - t < windowMs).length <= maxDeaths;
}

/** NODE_OPTIONS for a server process: the heap cap, unless NODE_OPTIONS already sets one. */
function workerNodeOptions(nodeOptions, heapSetting) {
  const current = (nodeOptions ?? "").trim();
  if (/--max-old-space-size(=|\s)/.test(current)) return current;
  const n = Number(heapSetting);
  const heap = heapSetting !== undefined && Number.isInteger(n) && n >= 64 ? n : DEFAULT_WORKER_HEAP_MB;
  return `${current} --max-old-space-size=${heap}`.trim();
}

/** Minutes between the supervisor's `keeper sync` runs; null when KEEPER_SYNC_EVERY_MINUTES is 0 or "off" (cron does it). */
function syncTimerMinutes(setting) {
  if (setting === undefined || String(setting).trim() === "") return 5;
  const text = String(setting).trim().toLowerCase();
  if (text === "off" || text === "0") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 1440 ? n : 5;
}

/**
 * Runs `keeper sync` (due helpdesk connections) every `minutes` from the supervisor, which is one
 * process however many servers it runs, so syncs never start twice; each connection's lease in
 * the database also keeps a cron job and this timer apart. A run still going skips the next tick.
 */
function startSyncTimer(keeperBin, env, minutes, spawnImpl = spawn) {
  if (minutes === null) return () => {};
  let child = null;
  const tick = () => {
    if (child) return;
    child = spawnImpl(process.execPath, [keeperBin, "sync"], { env, stdio: "inherit" });
    child.on("exit", () => {
      child = null;
    });
    child.on("error", () => {
      child = null;
    });
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    child?.kill("SIGTERM");
  };
}

/**
 * Serves the production build from several `next start` processes on one port (node:cluster
 * hands each accepted connection to a worker in turn). Resolves with the exit code once every
 * worker has stopped after SIGINT/SIGTERM, or with 1 when workers keep crashing.
 */
function runNextCluster(port, env, root = process.cwd()) {
  const count = serverWorkerCount(env.KEEPER_WORKERS, availableParallelism());
  if (!count.ok) {
    console.error(count.error);
    return Promise.resolve(2);
  }
  cluster.setupPrimary({ exec: join(root, "node_modules", "next", "dist", "bin", "next"), args: ["start", "-p", port], silent: false });
  const workerEnv = {
    ...env,
    NODE_OPTIONS: workerNodeOptions(env.NODE_OPTIONS, env.KEEPER_WORKER_HEAP_MB),
    // glibc gives each thread its own malloc arena; response buffers then fragment across them and
    // RSS only grows. Two arenas is the usual setting for Node servers.
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2",
  };
  return new Promise((resolvePromise) => {
    let stopping = false;
    let exitCode = 0;
    const deaths = [];
    const stop = (signal) => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    };
    const onExit = (worker, code, signal) => {
      if (!stopping) {
        const now = Date.now();
        deaths.push(now);
        console.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}).`);
        if (shouldRestartWorker(deaths, now)) {
          cluster.fork(workerEnv);
          return;
        }
        console.error("Server processes keep stopping; giving up.");
        exitCode = 1;
        stop("SIGTERM");
      }
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      cluster.off("exit", onExit);
      resolvePromise(exitCode);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    cluster.on("exit", onExit);
    console.log(`Starting ${count.workers} server process${count.workers === 1 ? "" : "es"} on port ${port} (KEEPER_WORKERS).`);
    for (let i = 0; i < count.workers; i++) cluster.fork(workerEnv);
  });
}

/** `keeper start`: refuses to run without AUTH_SECRET, migrates (in a child process), then serves. */
async function start(keeperBin, env = process.env) {
  if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32) {
    console.error("AUTH_SECRET is not set (or shorter than 32 characters). Generate one with: openssl rand -base64 32");
    return 1;
  }
  const key = env.KEEPER_SECRET_KEY
    ? parseSecretKey(env.KEEPER_SECRET_KEY)
    : "KEEPER_SECRET_KEY is not set (it encrypts helpdesk credentials). Generate one with: openssl rand -base64 32";
  if (typeof key === "string") {
    console.error(key);
    return 1;
  }
  // The migration needs the TypeScript sources; running it in a child keeps them out of this process.
  const migrated = spawnSync(process.execPath, [keeperBin, "db", "migrate"], { env, stdio: "inherit" });
  if (migrated.status !== 0) return migrated.status ?? 1;
  const serverEnv = { ...env, NODE_ENV: "production" };
  const stopSync = startSyncTimer(keeperBin, serverEnv, syncTimerMinutes(env.KEEPER_SYNC_EVERY_MINUTES));
  try {
    return await runNextCluster(env.PORT || "3000", serverEnv);
  } finally {
    stopSync();
  }
}

module.exports = {
  syncTimerMinutes,
  startSyncTimer,
  MAX_DEFAULT_WORKERS,
  DEFAULT_WORKER_HEAP_MB,
  serverWorkerCount,
  shouldRestartWorker,
  workerNodeOptions,
  runNextCluster,
  start,
};
