import type { z } from "zod";
import type { ReviewView } from "@/lib/dal/review-read";
import type { reviewSchema } from "@/lib/api-contract/schemas";

/** The stable API shape of a review (DESIGN.md "Interfaces"); privateNotes only when visible. */
export function reviewJson(r: ReviewView): z.output<typeof reviewSchema> {
  return {
    // The API lists stored reviews only (never a not-started placeholder), so there is always an id.
    id: r.id!,
    cycle: r.cycle.key,
    status: r.status,
    version: r.version,
    updatedAt: r.updatedAt ? new Date(r.updatedAt).toISOString() : null,
    employee: { id: r.employee.id, email: r.employee.email, name: r.employee.name },
    reviewer: r.reviewer ? { id: r.reviewer.id, email: r.reviewer.email, name: r.reviewer.name } : null,
    keeper: r.keeper ? { answer: r.keeper.answer, reason: r.keeper.reason } : null,
    traits: r.traits.map((t) => ({ key: t.key, label: t.label, rating: t.rating, notObserved: t.notObserved, comment: t.comment })),
    summary: r.summary,
    ...(r.privateNotes !== undefined ? { privateNotes: r.privateNotes } : {}),
  };
}
