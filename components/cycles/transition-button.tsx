"use client";

import { useState, useTransition } from "react";
import { transitionCycleAction } from "@/app/(app)/hr/cycles/actions";
import { Button } from "@/components/ui/button";
import { CYCLE_STATE_EFFECTS, CYCLE_STATE_LABELS, type CycleState } from "@/lib/domain/cycle-state";

/** Two-step: the first click explains what the move means, the second confirms it. */
export function TransitionButton({ cycleKey, to }: { cycleKey: string; to: CycleState }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirming) {
    return (
      <Button
        type="button"
        onClick={() => {
          setConfirming(true);
          setMessage(null);
        }}
      >
        Move to {CYCLE_STATE_LABELS[to]}…
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Confirm moving ${cycleKey} to ${CYCLE_STATE_LABELS[to]}`}
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <p>
        Move <strong>{cycleKey}</strong> to <strong>{CYCLE_STATE_LABELS[to]}</strong>? {CYCLE_STATE_EFFECTS[to]}
      </p>
      <div className="mt-2 flex gap-2">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await transitionCycleAction({ key: cycleKey, to });
              setMessage(result.message);
              if (result.ok) setConfirming(false);
            })
          }
        >
          {pending ? "Moving…" : `Confirm: move to ${CYCLE_STATE_LABELS[to]}`}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {message && (
        <p role="alert" className="mt-2 text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
