import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { serverWorkerCount, shouldRestartWorker, workerNodeOptions } from "@/lib/server/worker-count";

const NEXT_BIN = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/**
 * Serves the production build from several `next start` processes sharing one port (node:cluster
 * hands each accepted connection to a worker in turn). Resolves with the exit code once every
 * worker has stopped after SIGINT/SIGTERM, or with 1 when workers keep crashing.
 * See docs/decisions/0009-server-processes.md.
 */
export function runNextCluster(port: string, env: NodeJS.ProcessEnv): Promise<number> {
  const count = serverWorkerCount(env.KEEPER_WORKERS, availableParallelism());
  if (!count.ok) {
    console.error(count.error);
    return Promise.resolve(2);
  }
  cluster.setupPrimary({ exec: NEXT_BIN, args: ["start", "-p", port], silent: false });
  return new Promise((resolvePromise) => {
    let stopping = false;
    let exitCode = 0;
    const deaths: number[] = [];
    const workerEnv = { ...env, NODE_OPTIONS: workerNodeOptions(env.NODE_OPTIONS, env.KEEPER_WORKER_HEAP_MB) };
    const fork = (): Worker => cluster.fork(workerEnv);
    const finishWhenEmpty = () => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      cluster.off("exit", onExit);
      resolvePromise(exitCode);
    };
    function stop(signal: NodeJS.Signals) {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    }
    function onExit(worker: Worker, code: number | null, signal: string | null) {
      if (!stopping) {
        const now = Date.now();
        deaths.push(now);
        console.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}).`);
        if (shouldRestartWorker(deaths, now)) {
          fork();
          return;
        }
        console.error("Server processes keep stopping; giving up.");
        exitCode = 1;
        stop("SIGTERM");
      }
      finishWhenEmpty();
    }
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    cluster.on("exit", onExit);
    console.log(`Starting ${count.workers} server process${count.workers === 1 ? "" : "es"} on port ${port} (KEEPER_WORKERS).`);
    for (let i = 0; i < count.workers; i++) fork();
  });
}
