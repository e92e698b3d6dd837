import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReviewStatusBadge } from "@/components/review-status-badge";
import { ReopenButton } from "@/components/review/reopen-button";
import { ReviewForm } from "@/components/review/review-form";
import { ReviewReadOnly } from "@/components/review/review-readonly";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { getReviewForPage } from "@/lib/dal/review-read";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Review" };

const paramsSchema = z.object({ cycle: z.string().regex(QUARTER_KEY), employeeId: z.coerce.number().int().positive() });

export default async function ReviewPage({ params }: { params: Promise<{ cycle: string; employeeId: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const review = await getReviewForPage(parsed.data.cycle, parsed.data.employeeId);
  if (!review) notFound();
  const { employee, cycle } = review;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0">
        <p className="text-sm text-slate-700">{cycle.key} keeper review</p>
        <h1 className="text-2xl font-semibold">{employee.name}</h1>
        <p className="text-slate-700">{employee.title}{employee.team ? ` · ${employee.team}` : ""}</p>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <ReviewStatusBadge status={review.status} />
          {review.submittedAt && <span className="text-slate-700">Submitted {formatDateTime(review.submittedAt)}</span>}
          {cycle.dueDate && cycle.state === "open" && <span className="text-slate-700">Due {formatDate(cycle.dueDate)}</span>}
        </div>
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
      </div>
      <aside className="space-y-4" aria-label="About this review">
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Reviewer</h2>
          <p className="text-slate-700">{review.reviewer?.name ?? "Not started"}</p>
          <h2 className="mt-3 font-semibold">Cycle</h2>
          <p className="text-slate-700">{cycle.key} · {cycle.state}</p>
        </div>
      </aside>
    </div>
  );
}
