"use client";

import { useActionState } from "react";
import { addLateHiresAction } from "@/app/(app)/hr/cycles/[key]/actions";
import { FieldError } from "@/components/review/field-error";
import { Button } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import type { LateHire, ParticipantActionResult } from "@/lib/dal/participants";

export function LateHiresForm({ cycleKey, people }: { cycleKey: string; people: LateHire[] }) {
  const [state, action, pending] = useActionState<ParticipantActionResult | null, FormData>(addLateHiresAction, null);
  const error = state && !state.ok ? state.fieldErrors?.employeeIds : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="key" value={cycleKey} />
      <fieldset aria-describedby={error ? "late-hires-error" : undefined}>
        <legend className="sr-only">People to add to {cycleKey}</legend>
        <TableScroll>
          <table className="w-full text-left text-sm">
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Add
                </th>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3">
                  Team
                </th>
                <th scope="col" className="py-1 pr-3">
                  Manager
                </th>
                <th scope="col" className="py-1">
                  Hired
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    <input type="checkbox" name="employeeId" value={p.id} id={`late-${p.id}`} aria-label={`Add ${p.name}`} />
                  </td>
                  <td className="py-1 pr-3">
                    <label htmlFor={`late-${p.id}`}>{p.name}</label> <span className="text-slate-600">{p.email}</span>
                  </td>
                  <td className="py-1 pr-3">{p.team ?? "—"}</td>
                  <td className="py-1 pr-3">{p.manager}</td>
                  <td className="py-1">{p.hiredAt ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </fieldset>
      <FieldError id="late-hires-error" message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add to the cycle"}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
