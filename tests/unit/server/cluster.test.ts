import { describe, expect, it } from "vitest";
import {
  DEFAULT_WORKER_HEAP_MB,
  MAX_DEFAULT_WORKERS,
  serverWorkerCount,
  shouldRestartWorker,
  workerNodeOptions,
} from "@/lib/server/cluster.cjs";

describe("serverWorkerCount", () => {
  it("uses one process per core by default, capped", () => {
    expect(serverWorkerCount(undefined, 2)).toEqual({ ok: true, workers: 2 });
    expect(serverWorkerCount("", 1)).toEqual({ ok: true, workers: 1 });
    expect(serverWorkerCount(undefined, 32)).toEqual({ ok: true, workers: MAX_DEFAULT_WORKERS });
    expect(serverWorkerCount(undefined, 0)).toEqual({ ok: true, workers: 1 });
  });

  it("honours KEEPER_WORKERS", () => {
    expect(serverWorkerCount("1", 8)).toEqual({ ok: true, workers: 1 });
    expect(serverWorkerCount(" 6 ", 2)).toEqual({ ok: true, workers: 6 });
  });

  it("refuses a setting that is not a sensible whole number", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65"]) {
      const r = serverWorkerCount(bad, 2);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(`'${bad}'`);
    }
  });
});

describe("shouldRestartWorker", () => {
  it("restarts a worker that dies now and then", () => {
    expect(shouldRestartWorker([0], 10)).toBe(true);
    expect(shouldRestartWorker([0, 1, 2, 3, 4], 10)).toBe(true);
  });

  it("gives up when workers keep dying within the window", () => {
    expect(shouldRestartWorker([0, 1, 2, 3, 4, 5], 10)).toBe(false);
    // The same six deaths spread over more than a minute are not a crash loop.
    expect(shouldRestartWorker([0, 1, 2, 3, 4, 70_000], 70_001)).toBe(true);
  });
});

describe("workerNodeOptions", () => {
  it("caps each worker's heap by default, keeping other options", () => {
    expect(workerNodeOptions(undefined, undefined)).toBe(`--max-old-space-size=${DEFAULT_WORKER_HEAP_MB}`);
    expect(workerNodeOptions("--enable-source-maps", undefined)).toBe(
      `--enable-source-maps --max-old-space-size=${DEFAULT_WORKER_HEAP_MB}`,
    );
  });

  it("takes KEEPER_WORKER_HEAP_MB, and ignores nonsense", () => {
    expect(workerNodeOptions("", "512")).toBe("--max-old-space-size=512");
    expect(workerNodeOptions("", "lots")).toBe(`--max-old-space-size=${DEFAULT_WORKER_HEAP_MB}`);
    expect(workerNodeOptions("", "10")).toBe(`--max-old-space-size=${DEFAULT_WORKER_HEAP_MB}`);
  });

  it("never overrides a limit set in NODE_OPTIONS", () => {
    expect(workerNodeOptions("--max-old-space-size=1024", "256")).toBe("--max-old-space-size=1024");
    expect(workerNodeOptions("--max-old-space-size 1024", undefined)).toBe("--max-old-space-size 1024");
  });
});
