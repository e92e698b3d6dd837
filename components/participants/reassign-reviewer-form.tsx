"use client";

import { useActionState } from "react";
import { reassignReviewerAction, type ReassignFormState } from "@/app/(app)/hr/cycles/[key]/actions";
import { FieldError } from "@/components/review/field-error";
import { Button } from "@/components/ui/button";

export function ReassignReviewerForm({ cycleKey }: { cycleKey: string }) {
  const [state, action, pending] = useActionState<ReassignFormState | null, FormData>(reassignReviewerAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const typed = state && !state.ok ? state.values : undefined;
  const input = "mt-1 w-72 max-w-full rounded-md border border-slate-400 px-3 py-2";
  return (
    <form action={action} className="flex flex-wrap items-start gap-4">
      <input type="hidden" name="key" value={cycleKey} />
      <div>
        <label htmlFor="reassign-employee" className="block text-sm font-medium">
          Person reviewed (email)
        </label>
        <input
          id="reassign-employee"
          name="employeeEmail"
          type="email"
          required
          defaultValue={typed?.employeeEmail ?? ""}
          className={input}
          aria-invalid={errors.employeeEmail ? true : undefined}
          aria-describedby={errors.employeeEmail ? "reassign-employee-error" : undefined}
        />
        <FieldError id="reassign-employee-error" message={errors.employeeEmail} />
      </div>
      <div>
        <label htmlFor="reassign-reviewer" className="block text-sm font-medium">
          New reviewer (email)
        </label>
        <input
          id="reassign-reviewer"
          name="reviewerEmail"
          type="email"
          required
          defaultValue={typed?.reviewerEmail ?? ""}
          className={input}
          aria-invalid={errors.reviewerEmail ? true : undefined}
          aria-describedby={errors.reviewerEmail ? "reassign-reviewer-error" : undefined}
        />
        <FieldError id="reassign-reviewer-error" message={errors.reviewerEmail} />
      </div>
      <div className="self-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Reassign"}
        </Button>
      </div>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
