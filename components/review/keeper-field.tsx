"use client";

import { KEEPER_ANSWERS, KEEPER_LABELS, type KeeperAnswer } from "@/lib/domain/keeper";
import { FieldError } from "./field-error";

export function KeeperField(props: {
  question: string;
  answer: KeeperAnswer | null;
  reason: string;
  disabled?: boolean;
  errors: Record<string, string>;
  onAnswer: (a: KeeperAnswer) => void;
  onReason: (r: string) => void;
}) {
  const { errors } = props;
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-5"
      aria-describedby={errors.keeperAnswer ? "err-keeperAnswer" : undefined}
    >
      <legend className="px-1 text-lg font-semibold">The keeper test</legend>
      <p className="text-base font-medium">{props.question}</p>
      <div className="mt-3 space-y-2">
        {KEEPER_ANSWERS.map((a) => (
          <label
            key={a}
            className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 ${props.answer === a ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
          >
            <input
              type="radio"
              name="keeperAnswer"
              value={a}
              checked={props.answer === a}
              disabled={props.disabled}
              onChange={() => props.onAnswer(a)}
              className="mt-1"
            />
            <span>{KEEPER_LABELS[a]}</span>
          </label>
        ))}
      </div>
      <FieldError id="err-keeperAnswer" message={errors.keeperAnswer} />
      <label htmlFor="keeperReason" className="mt-4 block text-sm font-medium">
        Why? (required)
      </label>
      <textarea
        id="keeperReason"
        name="keeperReason"
        rows={3}
        value={props.reason}
        disabled={props.disabled}
        onChange={(e) => props.onReason(e.target.value)}
        aria-invalid={Boolean(errors.keeperReason)}
        aria-describedby={errors.keeperReason ? "err-keeperReason" : undefined}
        className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
      />
      <FieldError id="err-keeperReason" message={errors.keeperReason} />
    </fieldset>
  );
}
