"use client";

import { useActionState } from "react";
import { recordDepartureAction, type DepartureFormState } from "@/app/(app)/hr/people/actions";
import { FieldError } from "@/components/review/field-error";
import { Button } from "@/components/ui/button";
import { LEAVE_TYPES, LEAVE_TYPE_LABELS, type LeaveType } from "@/lib/domain/departures";

interface Props {
  employeeId: number;
  name: string;
  initial: { leftAt: string; leaveType: LeaveType; regretted: boolean } | null;
  today: string;
}

/** Records or corrects a departure. Typed values come back after an error, so nothing is lost. */
export function DepartureForm({ employeeId, name, initial, today }: Props) {
  const [state, action, pending] = useActionState<DepartureFormState | null, FormData>(recordDepartureAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // After a refused save the form shows what was typed, not what was stored.
  const typed = state && !state.ok ? state.values : undefined;
  const leftAt = typed?.leftAt ?? initial?.leftAt ?? "";
  const leaveType = typed ? typed.leaveType : initial?.leaveType;
  const regretted = typed ? typed.regretted : initial ? (initial.regretted ? "yes" : "no") : undefined;
  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `departure-${field}-error` } : {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="employeeId" value={employeeId} />
      <div>
        <label htmlFor="departure-leftAt" className="block text-sm font-medium">
          Last day of employment
        </label>
        <input
          id="departure-leftAt"
          name="leftAt"
          type="date"
          max={today}
          defaultValue={leftAt}
          required
          className="mt-1 rounded-md border border-slate-400 px-3 py-2"
          {...described("leftAt")}
        />
        <FieldError id="departure-leftAt-error" message={errors.leftAt} />
      </div>
      <fieldset {...described("leaveType")}>
        <legend className="text-sm font-medium">Who decided</legend>
        {LEAVE_TYPES.map((t) => (
          <label key={t} className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="leaveType" value={t} defaultChecked={leaveType === t} required /> {LEAVE_TYPE_LABELS[t]}
          </label>
        ))}
        <FieldError id="departure-leaveType-error" message={errors.leaveType} />
      </fieldset>
      <fieldset {...described("regretted")}>
        <legend className="text-sm font-medium">Would the organisation have kept {name} if it could?</legend>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="radio" name="regretted" value="yes" defaultChecked={regretted === "yes"} required /> Yes, a regretted departure
        </label>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="radio" name="regretted" value="no" defaultChecked={regretted === "no"} /> No
        </label>
        <FieldError id="departure-regretted-error" message={errors.regretted} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : initial ? "Save the departure" : "Record the departure"}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
