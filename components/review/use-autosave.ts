"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { SaveResult } from "@/lib/dal/review-write";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; message: string }
  | { kind: "stale"; message: string };

/**
 * Debounced autosave that never runs two saves at once: each save carries the version the last
 * one returned, so a save from another tab is detected by the server instead of overwritten.
 */
export function useAutosave<T>(opts: {
  initialVersion: number;
  delayMs?: number;
  save: (payload: T, version: number) => Promise<SaveResult>;
}) {
  const { save, delayMs = 800 } = opts;
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(opts.initialVersion);
  const latest = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);
  // A retry is scheduled from inside flush, so it calls the latest flush through a ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    const payload = latest.current;
    if (payload === null || blocked.current) return;
    latest.current = null;
    setState({ kind: "saving" });
    inFlight.current = (async () => {
      try {
        const result = await save(payload, version.current);
        if (result.ok) {
          version.current = result.version;
          setState(latest.current ? { kind: "pending" } : { kind: "saved", at: result.savedAt });
        } else if (result.code === "stale" || result.code === "submitted" || result.code === "locked") {
          blocked.current = true;
          latest.current = payload;
          setState({ kind: "stale", message: result.message });
        } else {
          latest.current = latest.current ?? payload;
          setState({ kind: "error", message: result.message });
        }
      } catch {
        latest.current = latest.current ?? payload;
        setState({ kind: "error", message: "Could not reach the server. Your changes are kept here; we will retry." });
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
    if (latest.current && !blocked.current) timer.current = setTimeout(() => void flushRef.current(), delayMs);
  }, [save, delayMs]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(
    (payload: T) => {
      latest.current = payload;
      if (blocked.current) return;
      setState({ kind: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    // Save what is pending when the tab is hidden or closed, so a quick reload loses nothing.
    const onHide = () => {
      if (document.visibilityState === "hidden" && latest.current) void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  return { state, schedule, flush, version, isBlocked: () => blocked.current };
}
