"use client";

import { useActionState, useState } from "react";
import { answerCheckinAction } from "@/app/(app)/checkins/actions";
import { Button } from "@/components/ui/button";
import { KEEPER_ANSWERS, KEEPER_LABELS, type KeeperAnswer } from "@/lib/domain/keeper";
import type { CheckinResult } from "@/lib/dal/checkins";

/** The manager's answer to one check-in: a keeper answer and a note, both required. */
export function CheckinAnswerForm({ id, agentFirstName }: { id: number; agentFirstName: string }) {
  const [state, action, pending] = useActionState<CheckinResult | null, FormData>(answerCheckinAction, null);
  // Controlled, so React's reset of the form after the action never wipes the answer.
  const [answer, setAnswer] = useState<KeeperAnswer | null>(null);
  const [note, setNote] = useState("");
  const error = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <fieldset aria-describedby={error?.field === "answer" ? `checkin-${id}-error` : undefined}>
        <legend className="text-sm font-medium">Your keeper answer for {agentFirstName}</legend>
        <div className="mt-2 space-y-2">
          {KEEPER_ANSWERS.map((a) => (
            <label
              key={a}
              className={`flex cursor-pointer items-start gap-3 rounded-md border p-2 text-sm ${answer === a ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
            >
              <input type="radio" name="answer" value={a} checked={answer === a} onChange={() => setAnswer(a)} className="mt-0.5" />
              <span>{KEEPER_LABELS[a]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`checkin-${id}-note`} className="block text-sm font-medium">
          Note to {agentFirstName} (required)
        </label>
        <textarea
          id={`checkin-${id}-note`}
          name="note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={error?.field === "note"}
          aria-describedby={error?.field === "note" ? `checkin-${id}-error` : undefined}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send answer"}
      </Button>
      {state && (
        <p
          id={`checkin-${id}-error`}
          role={state.ok ? "status" : "alert"}
          className={`text-sm ${state.ok ? "text-emerald-800" : "font-medium text-red-800"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
