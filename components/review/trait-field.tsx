"use client";

import { RATING_LABELS, RATING_SCALE } from "@/lib/domain/traits";
import type { ReviewTraitView } from "@/lib/dal/review-read";
import { FieldError } from "./field-error";

export interface TraitValue {
  rating: number | null;
  notObserved: boolean;
  comment: string;
}

export function TraitField(props: {
  trait: ReviewTraitView;
  value: TraitValue;
  error?: string;
  disabled?: boolean;
  onChange: (v: TraitValue) => void;
}) {
  const { trait, value, error } = props;
  const name = `trait-${trait.cycleTraitId}`;
  const errId = `err-trait.${trait.cycleTraitId}`;
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-5"
      aria-describedby={error ? errId : undefined}
      data-trait={trait.key}
    >
      <legend className="px-1 font-semibold">{trait.label}</legend>
      <p className="text-sm text-slate-700">{trait.description}</p>
      <div className="mt-3 grid gap-2">
        {RATING_SCALE.map((level) => (
          <label
            key={level}
            className={`flex cursor-pointer items-start gap-3 rounded-md border p-2.5 text-sm ${value.rating === level && !value.notObserved ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
          >
            <input
              type="radio"
              name={name}
              value={level}
              disabled={props.disabled}
              checked={value.rating === level && !value.notObserved}
              onChange={() => props.onChange({ ...value, rating: level, notObserved: false })}
              className="mt-0.5"
            />
            <span>
              <strong>
                {level} · {RATING_LABELS[level]}
              </strong>{" "}
              — {trait.levels[level - 1]}
            </span>
          </label>
        ))}
        <label
          className={`flex cursor-pointer items-center gap-3 rounded-md border p-2.5 text-sm ${value.notObserved ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
        >
          <input
            type="radio"
            name={name}
            value="not_observed"
            disabled={props.disabled}
            checked={value.notObserved}
            onChange={() => props.onChange({ ...value, rating: null, notObserved: true })}
          />
          <span>Not observed this quarter</span>
        </label>
      </div>
      <FieldError id={errId} message={error} />
      <label htmlFor={`${name}-comment`} className="mt-3 block text-sm font-medium">
        Comment on {trait.label.toLowerCase()} (optional)
      </label>
      <textarea
        id={`${name}-comment`}
        rows={2}
        value={value.comment}
        disabled={props.disabled}
        onChange={(e) => props.onChange({ ...value, comment: e.target.value })}
        className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
      />
    </fieldset>
  );
}
