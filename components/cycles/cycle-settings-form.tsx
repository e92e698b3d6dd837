"use client";

import { useActionState } from "react";
import { updateCycleSettingsAction } from "@/app/(app)/hr/cycles/actions";
import { Button } from "@/components/ui/button";
import type { CycleActionResult, CycleSummary } from "@/lib/dal/cycles";

export function CycleSettingsForm({ cycle }: { cycle: CycleSummary }) {
  const [state, action, pending] = useActionState<CycleActionResult | null, FormData>(updateCycleSettingsAction, null);
  const id = `cycle-${cycle.key}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="key" value={cycle.key} />
      <div>
        <label htmlFor={`${id}-due`} className="block text-sm font-medium">
          Due date
        </label>
        <input
          id={`${id}-due`}
          name="dueDate"
          type="date"
          defaultValue={cycle.dueDate ?? ""}
          required
          className="mt-1 rounded-md border border-slate-400 px-3 py-1.5"
        />
      </div>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input name="shareKeeper" type="checkbox" defaultChecked={cycle.shareKeeper} />
        Agents see their keeper answer
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
