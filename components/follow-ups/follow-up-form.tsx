"use client";

import { useActionState, useState } from "react";
import { recordFollowUpAction, type FollowUpFormState } from "@/app/(app)/follow-ups/actions";
import { FieldError } from "@/components/review/field-error";
import { Button } from "@/components/ui/button";
import { FOLLOW_UP_DATE_LABELS, FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, type FollowUpKind } from "@/lib/domain/follow-ups";

interface Props {
  reviewId: number;
  name: string;
  initial: { kind: FollowUpKind; happenedOn: string; reviewOn: string | null; note: string } | null;
}

/** What happened after an unsure or let go answer. Typed values stay after an error. */
export function FollowUpForm({ reviewId, name, initial }: Props) {
  const [state, action, pending] = useActionState<FollowUpFormState | null, FormData>(recordFollowUpAction, null);
  const [kind, setKind] = useState<FollowUpKind | null>(initial?.kind ?? null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // After a refused save the form shows what was typed, not what was stored.
  const typed = state && !state.ok ? state.values : undefined;
  const values = typed ?? {
    kind: initial?.kind ?? "",
    happenedOn: initial?.happenedOn ?? "",
    reviewOn: initial?.reviewOn ?? "",
    note: initial?.note ?? "",
  };
  const id = (field: string) => `follow-up-${reviewId}-${field}`;
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id(field)}-error` } : {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <fieldset {...invalid("kind")}>
        <legend className="text-sm font-medium">What happened with {name}?</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {FOLLOW_UP_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} onChange={() => setKind(k)} required />{" "}
              {FOLLOW_UP_LABELS[k]}
            </label>
          ))}
        </div>
        <FieldError id={`${id("kind")}-error`} message={errors.kind} />
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={id("happenedOn")} className="block text-sm font-medium">
            {kind ? FOLLOW_UP_DATE_LABELS[kind] : "Date"}
          </label>
          <input
            id={id("happenedOn")}
            name="happenedOn"
            type="date"
            required
            defaultValue={values.happenedOn}
            className="mt-1 rounded-md border border-slate-400 px-3 py-2"
            {...invalid("happenedOn")}
          />
          <FieldError id={`${id("happenedOn")}-error`} message={errors.happenedOn} />
        </div>
        {kind === "improvement_plan" && (
          <div>
            <label htmlFor={id("reviewOn")} className="block text-sm font-medium">
              Plan review date
            </label>
            <input
              id={id("reviewOn")}
              name="reviewOn"
              type="date"
              required
              defaultValue={values.reviewOn}
              className="mt-1 rounded-md border border-slate-400 px-3 py-2"
              {...invalid("reviewOn")}
            />
            <FieldError id={`${id("reviewOn")}-error`} message={errors.reviewOn} />
          </div>
        )}
      </div>
      <div>
        <label htmlFor={id("note")} className="block text-sm font-medium">
          Note (for you and HR; never shown to {name})
        </label>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          maxLength={2000}
          defaultValue={values.note}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          {...invalid("note")}
        />
        <FieldError id={`${id("note")}-error`} message={errors.note} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the follow-up"}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
