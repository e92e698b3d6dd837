"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import { saveDraftAction, submitReviewAction } from "@/app/(app)/reviews/actions";
import { Button } from "@/components/ui/button";
import { firstName, keeperQuestion, type KeeperAnswer } from "@/lib/domain/keeper";
import type { ReviewView } from "@/lib/dal/review-read";
import { FieldError } from "./field-error";
import { KeeperField } from "./keeper-field";
import { SaveStatus } from "./save-status";
import { TraitField, type TraitValue } from "./trait-field";
import { useAutosave } from "./use-autosave";

interface Content {
  keeperAnswer: KeeperAnswer | null;
  keeperReason: string;
  summary: string;
  privateNotes: string;
  traits: Record<number, TraitValue>;
}

function payloadOf(review: ReviewView, c: Content) {
  return {
    cycleKey: review.cycle.key,
    employeeId: review.employee.id,
    keeperAnswer: c.keeperAnswer,
    keeperReason: c.keeperReason,
    summary: c.summary,
    privateNotes: c.privateNotes,
    traits: Object.entries(c.traits).map(([id, t]) => ({ cycleTraitId: Number(id), ...t })),
  };
}

export function ReviewForm({ review }: { review: ReviewView }) {
  const router = useRouter();
  const [content, setContent] = useState<Content>(() => ({
    keeperAnswer: review.keeper?.answer ?? null,
    keeperReason: review.keeper?.reason ?? "",
    summary: review.summary,
    privateNotes: review.privateNotes ?? "",
    traits: Object.fromEntries(
      review.traits.map((t) => [t.cycleTraitId, { rating: t.rating, notObserved: t.notObserved, comment: t.comment }]),
    ),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();

  const save = useCallback((c: Content, version: number) => saveDraftAction({ ...payloadOf(review, c), version }), [review]);
  const autosave = useAutosave<Content>({ initialVersion: review.version, save });

  const update = (patch: Partial<Content>) => {
    setContent((prev) => {
      const next = { ...prev, ...patch };
      autosave.schedule(next);
      return next;
    });
  };

  const submit = () =>
    startSubmit(async () => {
      await autosave.flush();
      if (autosave.isBlocked()) return;
      const result = await submitReviewAction({ ...payloadOf(review, content), version: autosave.version.current });
      if (result.ok) {
        setErrors({});
        router.refresh();
        return;
      }
      setFormMessage(result.message);
      if (result.code === "invalid") {
        setErrors(result.fieldErrors);
        const first = Object.keys(result.fieldErrors)[0];
        requestAnimationFrame(() => document.getElementById(`err-${first}`)?.scrollIntoView({ block: "center" }));
      }
    });

  const question = useMemo(() => keeperQuestion(firstName(review.employee.name)), [review.employee.name]);
  const stale = autosave.state.kind === "stale" ? autosave.state.message : null;

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      {stale && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-medium">{stale}</p>
          <Button type="button" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
            Reload the latest version
          </Button>
        </div>
      )}
      <KeeperField
        question={question}
        answer={content.keeperAnswer}
        reason={content.keeperReason}
        errors={errors}
        onAnswer={(keeperAnswer) => update({ keeperAnswer })}
        onReason={(keeperReason) => update({ keeperReason })}
      />
      <h2 className="pt-2 text-lg font-semibold">Customer-service traits</h2>
      {review.traits.map((t) => (
        <TraitField
          key={t.cycleTraitId}
          trait={t}
          value={content.traits[t.cycleTraitId]}
          error={errors[`trait.${t.cycleTraitId}`]}
          onChange={(v) => update({ traits: { ...content.traits, [t.cycleTraitId]: v } })}
        />
      ))}
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <label htmlFor="summary" className="block font-semibold">
          Summary for {firstName(review.employee.name)} (required)
        </label>
        <p className="text-sm text-slate-700">{firstName(review.employee.name)} reads this when the cycle is released.</p>
        <textarea
          id="summary"
          rows={5}
          value={content.summary}
          onChange={(e) => update({ summary: e.target.value })}
          aria-invalid={Boolean(errors.summary)}
          aria-describedby={errors.summary ? "err-summary" : undefined}
          className="mt-2 w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="err-summary" message={errors.summary} />
      </div>
      <div className="rounded-lg border border-amber-200 bg-amber-50 p-5">
        <label htmlFor="privateNotes" className="block font-semibold">
          Private notes
        </label>
        <p className="text-sm text-slate-800">Never shown to {firstName(review.employee.name)}. HR and your managers can read them.</p>
        <textarea
          id="privateNotes"
          rows={3}
          value={content.privateNotes}
          onChange={(e) => update({ privateNotes: e.target.value })}
          className="mt-2 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <SaveStatus state={autosave.state} />
        <div className="flex items-center gap-3">
          {formMessage && !stale && (
            <p className="text-sm font-medium text-red-800" role="alert">
              {formMessage}
            </p>
          )}
          <Button type="submit" disabled={submitting || Boolean(stale)}>
            {submitting ? "Submitting…" : "Submit review"}
          </Button>
        </div>
      </div>
    </form>
  );
}
