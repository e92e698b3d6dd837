/**
 * How many `next start` processes `keeper start` runs. better-sqlite3 is synchronous and Next
 * renders on one thread, so one process uses one core; SQLite in WAL mode lets several processes
 * share the database file. Each process costs 200–250 MB under load, hence the cap.
 */
export const MAX_DEFAULT_WORKERS = 4;

export type WorkerCount = { ok: true; workers: number } | { ok: false; error: string };

export function serverWorkerCount(setting: string | undefined, cpus: number): WorkerCount {
  if (setting === undefined || setting.trim() === "") return { ok: true, workers: Math.max(1, Math.min(cpus, MAX_DEFAULT_WORKERS)) };
  const n = Number(setting.trim());
  if (!Number.isInteger(n) || n < 1 || n > 64) return { ok: false, error: `KEEPER_WORKERS must be a whole number from 1 to 64 (got '${setting}').` };
  return { ok: true, workers: n };
}

/**
 * A worker that dies is replaced, unless workers keep dying: more than `maxDeaths` within
 * `windowMs` means something is wrong with the build or the database, and restarting forever
 * would hide it.
 */
export function shouldRestartWorker(deathTimes: readonly number[], now: number, maxDeaths = 5, windowMs = 60_000): boolean {
  return deathTimes.filter((t) => now - t < windowMs).length <= maxDeaths;
}

/**
 * V8 grows a busy process's heap far beyond what it keeps alive (two processes reached 780 MB
 * under the benchmark without a limit, 420 MB with 192 MB each, at the same speed). A cap makes
 * it collect sooner. Memory-hungry work (CSAT imports, the talent API) streams or is bounded well
 * below it. An explicit --max-old-space-size in NODE_OPTIONS wins.
 */
export const DEFAULT_WORKER_HEAP_MB = 192;

export function workerNodeOptions(nodeOptions: string | undefined, heapSetting: string | undefined): string {
  const current = (nodeOptions ?? "").trim();
  if (/--max-old-space-size(=|\s)/.test(current)) return current;
  const n = Number(heapSetting);
  const heap = heapSetting !== undefined && Number.isInteger(n) && n >= 64 ? n : DEFAULT_WORKER_HEAP_MB;
  return `${current} --max-old-space-size=${heap}`.trim();
}
