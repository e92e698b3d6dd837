"use client";

import { useActionState } from "react";
import { createCycleAction } from "@/app/(app)/hr/cycles/actions";
import { Button } from "@/components/ui/button";
import type { CycleActionResult } from "@/lib/dal/cycles";

export function CreateCycleForm({ suggestedKey }: { suggestedKey: string }) {
  const [state, action, pending] = useActionState<CycleActionResult | null, FormData>(createCycleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="new-cycle-key" className="block text-sm font-medium">
          Quarter
        </label>
        <input
          id="new-cycle-key"
          name="key"
          defaultValue={suggestedKey}
          pattern="\d{4}-Q[1-4]"
          aria-describedby="new-cycle-help new-cycle-msg"
          className="mt-1 w-32 rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create cycle"}
      </Button>
      <p id="new-cycle-help" className="w-full text-sm text-slate-700">
        The cycle copies the current trait template and starts as a draft.
      </p>
      {state && (
        <p
          id="new-cycle-msg"
          role={state.ok ? "status" : "alert"}
          className={`w-full text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
