"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { calibrateAction } from "@/app/(app)/talent/actions";
import { Button } from "@/components/ui/button";
import { KEEPER_ANSWERS, KEEPER_SHORT_LABELS, type KeeperAnswer } from "@/lib/domain/keeper";
import { RATING_LABELS, RATING_SCALE } from "@/lib/domain/traits";

export interface CalibrationTrait {
  cycleTraitId: number;
  label: string;
  rating: number | null;
  notObserved: boolean;
}

interface Props {
  cycleKey: string;
  employeeId: number;
  employeeName: string;
  version: number;
  keeperAnswer: KeeperAnswer;
  traits: CalibrationTrait[];
}

const NOT_OBSERVED = "not_observed";
const toValue = (t: { rating: number | null; notObserved: boolean }) =>
  t.notObserved ? NOT_OBSERVED : t.rating === null ? "" : String(t.rating);

/**
 * Changes a submitted review's keeper answer and trait ratings during calibration. The reason is
 * required and goes into the review's calibration history with every changed field.
 */
export function CalibrationForm({ cycleKey, employeeId, employeeName, version: initialVersion, keeperAnswer, traits }: Props) {
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [answer, setAnswer] = useState<KeeperAnswer>(keeperAnswer);
  const [ratings, setRatings] = useState<Record<number, string>>(() => Object.fromEntries(traits.map((t) => [t.cycleTraitId, toValue(t)])));
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string; reasonError?: string } | null>(null);
  const [pending, start] = useTransition();
  const id = `calibrate-${employeeId}`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const res = await calibrateAction({
        cycleKey,
        employeeId,
        version,
        keeperAnswer: answer,
        reason,
        traits: traits.map((t) => {
          const value = ratings[t.cycleTraitId];
          return {
            cycleTraitId: t.cycleTraitId,
            notObserved: value === NOT_OBSERVED,
            rating: value && value !== NOT_OBSERVED ? Number(value) : null,
          };
        }),
      });
      if (res.ok) {
        setVersion(res.version);
        setReason("");
        setResult({ ok: true, message: res.message });
        router.refresh();
      } else {
        setResult({ ok: false, message: res.message, reasonError: res.code === "invalid" ? res.fieldErrors.reason : undefined });
      }
    });
  }

  return (
    <form onSubmit={submit} className="no-print space-y-3" aria-label={`Calibrate the review of ${employeeName}`}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <label className="text-sm" htmlFor={`${id}-answer`}>
          <span className="block font-medium">Keeper answer</span>
          <select
            id={`${id}-answer`}
            value={answer}
            onChange={(e) => setAnswer(e.target.value as KeeperAnswer)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {KEEPER_ANSWERS.map((a) => (
              <option key={a} value={a}>
                {KEEPER_SHORT_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        {traits.map((t) => (
          <label key={t.cycleTraitId} className="text-sm" htmlFor={`${id}-trait-${t.cycleTraitId}`}>
            <span className="block font-medium">{t.label}</span>
            <select
              id={`${id}-trait-${t.cycleTraitId}`}
              value={ratings[t.cycleTraitId] ?? ""}
              onChange={(e) => setRatings((r) => ({ ...r, [t.cycleTraitId]: e.target.value }))}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {ratings[t.cycleTraitId] === "" && <option value="">Not rated</option>}
              {RATING_SCALE.map((n) => (
                <option key={n} value={n}>
                  {n} · {RATING_LABELS[n]}
                </option>
              ))}
              <option value={NOT_OBSERVED}>Not observed</option>
            </select>
          </label>
        ))}
      </div>
      <div>
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          Reason for the change (required)
        </label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          aria-invalid={result?.reasonError ? true : undefined}
          aria-describedby={result?.reasonError ? `${id}-reason-error` : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        {result?.reasonError && (
          <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-800">
            {result.reasonError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save calibration"}
        </Button>
        {result && (
          <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
            {result.message}
          </p>
        )}
      </div>
    </form>
  );
}
