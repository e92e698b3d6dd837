export declare const MAX_DEFAULT_WORKERS: number;
export declare const DEFAULT_WORKER_HEAP_MB: number;
export type WorkerCount = { ok: true; workers: number } | { ok: false; error: string };
export declare function serverWorkerCount(setting: string | undefined, cpus: number): WorkerCount;
export declare function shouldRestartWorker(deathTimes: readonly number[], now: number, maxDeaths?: number, windowMs?: number): boolean;
export declare function workerNodeOptions(nodeOptions: string | undefined, heapSetting: string | undefined): string;
export declare function runNextCluster(port: string, env: NodeJS.ProcessEnv, root?: string): Promise<number>;
export declare function start(keeperBin: string, env?: NodeJS.ProcessEnv): Promise<number>;
export declare function syncTimerMinutes(setting: string | undefined): number | null;
export declare function startSyncTimer(
  keeperBin: string,
  env: NodeJS.ProcessEnv,
  minutes: number | null,
  spawnImpl?: (cmd: string, args: string[], options: object) => import("node:child_process").ChildProcess,
): () => void;
