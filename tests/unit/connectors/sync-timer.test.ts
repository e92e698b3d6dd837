import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSyncTimer, syncTimerMinutes } from "@/lib/server/cluster.cjs";

afterEach(() => {
  vi.useRealTimers();
});

describe("the supervisor's sync timer", () => {
  it("defaults to every 5 minutes and can be turned off for cron", () => {
    expect(syncTimerMinutes(undefined)).toBe(5);
    expect(syncTimerMinutes("15")).toBe(15);
    expect(syncTimerMinutes("off")).toBeNull();
    expect(syncTimerMinutes("0")).toBeNull();
    expect(syncTimerMinutes("abc")).toBe(5);
  });

  it("runs `keeper sync` once per tick and never two at a time", () => {
    vi.useFakeTimers();
    const children: (EventEmitter & { kill: () => void })[] = [];
    const spawn = vi.fn((_cmd: string, args: string[]) => {
      expect(args.slice(1)).toEqual(["sync"]);
      const child = Object.assign(new EventEmitter(), { kill: vi.fn() });
      children.push(child);
      return child as never;
    });
    const stop = startSyncTimer("bin/keeper", {} as NodeJS.ProcessEnv, 5, spawn);
    vi.advanceTimersByTime(5 * 60_000);
    expect(spawn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5 * 60_000);
    expect(spawn).toHaveBeenCalledTimes(1);
    children[0].emit("exit", 0);
    vi.advanceTimersByTime(5 * 60_000);
    expect(spawn).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(spawn).toHaveBeenCalledTimes(2);
  });

  it("does nothing when off", () => {
    vi.useFakeTimers();
    const spawn = vi.fn();
    startSyncTimer("bin/keeper", {} as NodeJS.ProcessEnv, null, spawn)();
    vi.advanceTimersByTime(60 * 60_000);
    expect(spawn).not.toHaveBeenCalled();
  });
});
