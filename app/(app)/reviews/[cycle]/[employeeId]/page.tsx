import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReviewStatusBadge } from "@/components/review-status-badge";
import { ReopenButton } from "@/components/review/reopen-button";
import { ReviewForm } from "@/components/review/review-form";
import { ReviewReadOnly } from "@/components/review/review-readonly";
import { agentsCanRead, managersCanEdit } from "@/lib/domain/cycle-state";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { getReviewForPage } from "@/lib/dal/review-read";
import { CsatPanel } from "@/components/csat/csat-panel";
import { getEmployeeCsat } from "@/lib/dal/csat";
import { ReviewCalibrationPanel } from "@/components/talent/review-calibration";
import { getReviewCalibration } from "@/lib/dal/calibration";
import { formatDate, formatDateTime } from "@/lib/format";
import Link from "next/link";
import { ReflectionPanel } from "@/components/agent/reflection-panel";
import { ReviewResponsePanel } from "@/components/agent/review-response-panel";
import { firstName } from "@/lib/domain/keeper";
import { getReviewResponse } from "@/lib/dal/feedback";
import { getReflectionFor } from "@/lib/dal/reflections";

export const metadata: Metadata = { title: "Review" };

const paramsSchema = z.object({ cycle: z.string().regex(QUARTER_KEY), employeeId: z.coerce.number().int().positive() });

const sentimentSchema = z.enum(["positive", "negative"]).optional().catch(undefined);

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ cycle: string; employeeId: string }>;
  searchParams: Promise<{ comments?: string }>;
}) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const review = await getReviewForPage(parsed.data.cycle, parsed.data.employeeId);
  if (!review) notFound();
  const { employee, cycle } = review;
  // Customer evidence next to the keeper answer, for everyone reading the review but its subject
  // (agents see their own CSAT on My customers).
  const sentiment = sentimentSchema.parse((await searchParams).comments);
  const csat = review.can.isSubject ? null : await getEmployeeCsat(employee.id, cycle.key, { sentiment });
  // Calibration history and form, for readers other than the employee once the review is started.
  const calibration = review.id !== null && !review.can.isSubject ? await getReviewCalibration(cycle.key, employee.id) : null;
  // What the agent wrote (self-reflection, reply) for the people reviewing them; the agent sees theirs on /feedback.
  const [reflection, response] = review.can.isSubject
    ? [null, null]
    : await Promise.all([getReflectionFor(cycle.key, employee.id), getReviewResponse(cycle.key, employee.id)]);
  // One column on a phone, sized to the screen (grid-cols-1 and min-w-0 on both sides): an `auto`
  // track grows to its widest content, such as the CSAT table, and pushed the page sideways.
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0">
        <p className="text-sm text-slate-700">{cycle.key} keeper review</p>
        <h1 className="text-2xl font-semibold">{employee.name}</h1>
        <p className="text-slate-700">
          {employee.title}
          {employee.team ? ` · ${employee.team}` : ""}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <ReviewStatusBadge status={review.status} />
          {review.submittedAt && <span className="text-slate-700">Submitted {formatDateTime(review.submittedAt)}</span>}
          {cycle.dueDate && managersCanEdit(cycle.state) && <span className="text-slate-700">Due {formatDate(cycle.dueDate)}</span>}
        </div>
        {review.notWritableBecause && (
          <p role="note" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            {review.notWritableBecause === "not_in_cycle"
              ? `${firstName(employee.name)} joined your team after ${cycle.key} opened and is not in it yet: HR can add them from the cycle's page.`
              : `This ${cycle.key} review is assigned to ${review.reviewer?.name ?? "another reviewer"} from when the cycle opened; HR can reassign it to you.`}
          </p>
        )}
        <div className="mt-6">
          {review.can.edit ? (
            <ReviewForm review={review} />
          ) : review.status === "not_started" ? (
            <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">This review has not been started.</p>
          ) : (
            <>
              {review.can.reopen && (
                <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
                  <p className="mb-2 text-sm text-slate-700">You submitted this review. You can reopen it while the cycle is open.</p>
                  <ReopenButton cycleKey={cycle.key} employeeId={employee.id} version={review.version} />
                </div>
              )}
              <ReviewReadOnly review={review} />
            </>
          )}
        </div>
        {calibration && <ReviewCalibrationPanel review={review} calibration={calibration} />}
      </div>
      <aside className="min-w-0 space-y-4" aria-label="About this review">
        {csat && (
          <CsatPanel
            csat={csat}
            sentiment={sentiment}
            filterHref={(s) => `/reviews/${cycle.key}/${employee.id}${s ? `?comments=${s}` : ""}`}
          />
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Reviewer</h2>
          <p className="text-slate-700">{review.reviewer?.name ?? "Not started"}</p>
          <h2 className="mt-3 font-semibold">Cycle</h2>
          <p className="text-slate-700">
            {cycle.key} · {cycle.state}
          </p>
        </div>
        {reflection && <ReflectionPanel firstName={firstName(employee.name)} reflection={reflection.reflection} />}
        {response && review.status === "submitted" && agentsCanRead(cycle.state) && (
          <ReviewResponsePanel firstName={firstName(employee.name)} response={response} />
        )}
        {review.can.isSubject && (
          <Link href={`/feedback/${cycle.key}`} className="block text-sm font-medium text-brand-700 underline">
            Acknowledge or reply to this review
          </Link>
        )}
      </aside>
    </div>
  );
}
