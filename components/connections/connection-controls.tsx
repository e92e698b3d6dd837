"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { removeConnectionAction, syncConnectionAction, syncProgressAction, testConnectionAction } from "@/app/(app)/hr/connections/actions";
import { Button } from "@/components/ui/button";

type Message = { ok: boolean; text: string } | null;

/** Test, Sync now (following the sync's progress until it ends), Remove. */
export function ConnectionControls({ id, name, running }: { id: number; name: string; running: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const [syncing, setSyncing] = useState(running);
  const [progress, setProgress] = useState<{ pages: number; records: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();

  useEffect(() => {
    if (!syncing) return;
    let stopped = false;
    const poll = async () => {
      const p = await syncProgressAction(id);
      if (stopped) return;
      if (!p) return setSyncing(false);
      setProgress({ pages: p.pages, records: p.records });
      if (p.running) return;
      setSyncing(false);
      setMessage(
        p.status === "ok"
          ? { ok: true, text: `Sync finished: ${p.records.toLocaleString("en")} records read.` }
          : { ok: false, text: `Sync stopped: ${p.error ?? p.status}` },
      );
      router.refresh();
    };
    const timer = setInterval(() => void poll(), 1000);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [syncing, id, router]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setMessage({ ok: true, text: "Testing…" });
              const r = await testConnectionAction(id);
              setMessage({ ok: r.ok, text: r.message });
            })
          }
        >
          Test connection
        </Button>
        <Button
          type="button"
          disabled={pending || syncing}
          onClick={() =>
            start(async () => {
              const r = await syncConnectionAction(id);
              setMessage(r.ok ? null : { ok: false, text: r.message });
              if (r.ok) {
                setProgress({ pages: 0, records: 0 });
                setSyncing(true);
              }
            })
          }
        >
          {syncing ? "Syncing…" : "Sync now"}
        </Button>
        {!confirming ? (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        ) : (
          <>
            <Button
              type="button"
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await removeConnectionAction(id);
                  setMessage({ ok: r.ok, text: r.message });
                })
              }
            >
              Confirm remove
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        )}
      </div>
      {syncing && (
        <p role="status" className="text-sm text-slate-800">
          <span className="mr-2 inline-block h-3 w-3 animate-pulse rounded-full bg-brand-600 align-middle" aria-hidden="true" />
          Syncing: {progress?.pages ?? 0} pages, {(progress?.records ?? 0).toLocaleString("en")} records so far…
        </p>
      )}
      {message && !syncing && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-900" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
