"use client";

import { useActionState, useState } from "react";
import { saveReflectionAction } from "@/app/(app)/feedback/actions";
import { Button } from "@/components/ui/button";
import type { ReflectionResult } from "@/lib/dal/reflections";
import { formatDateTime } from "@/lib/format";

/** The agent's self-reflection for the open cycle; their manager reads it beside the review form. */
export function ReflectionForm(props: { cycleKey: string; proudOf: string; growth: string; updatedAt: number | null; max: number }) {
  const [state, action, pending] = useActionState<ReflectionResult | null, FormData>(saveReflectionAction, null);
  // Controlled, so React's reset of the form after the action never wipes what was typed.
  const [proudOf, setProudOf] = useState(props.proudOf);
  const [growth, setGrowth] = useState(props.growth);
  const savedAt = state?.ok ? state.updatedAt : props.updatedAt;
  const invalid = state && !state.ok ? state.field : undefined;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="cycleKey" value={props.cycleKey} />
      <div>
        <label htmlFor="proudOf" className="block font-medium">
          What are you proud of this quarter?
        </label>
        <textarea
          id="proudOf"
          name="proudOf"
          rows={4}
          maxLength={props.max}
          value={proudOf}
          onChange={(e) => setProudOf(e.target.value)}
          aria-invalid={invalid === "proudOf"}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="growth" className="block font-medium">
          What do you want to get better at?
        </label>
        <textarea
          id="growth"
          name="growth"
          rows={4}
          maxLength={props.max}
          value={growth}
          onChange={(e) => setGrowth(e.target.value)}
          aria-invalid={invalid === "growth"}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save reflection"}
        </Button>
        <p role="status" className={`text-sm ${state && !state.ok ? "font-medium text-red-800" : "text-slate-700"}`}>
          {state ? state.message : savedAt ? `Last saved ${formatDateTime(savedAt)}` : "Not written yet."}
        </p>
      </div>
    </form>
  );
}
