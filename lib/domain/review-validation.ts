import { z } from "zod";
import { KEEPER_ANSWERS } from "./keeper";
import { QUARTER_KEY } from "./quarter";

export const MAX_REASON = 4000;
export const MAX_TEXT = 10000;
export const MAX_COMMENT = 2000;

export const traitInputSchema = z.object({
  cycleTraitId: z.number().int().positive(),
  rating: z.number().int().min(1).max(5).nullable(),
  notObserved: z.boolean(),
  comment: z.string().max(MAX_COMMENT, `Keep comments under ${MAX_COMMENT} characters.`),
});

/** The review content a manager edits. Drafts accept anything well-formed; submit asks for more. */
export const reviewContentSchema = z.object({
  keeperAnswer: z.enum(KEEPER_ANSWERS).nullable(),
  keeperReason: z.string().max(MAX_REASON, `Keep the reason under ${MAX_REASON} characters.`),
  summary: z.string().max(MAX_TEXT, `Keep the summary under ${MAX_TEXT} characters.`),
  privateNotes: z.string().max(MAX_TEXT, `Keep private notes under ${MAX_TEXT} characters.`),
  traits: z.array(traitInputSchema).max(50),
});
export type ReviewContent = z.infer<typeof reviewContentSchema>;

export const reviewSaveSchema = reviewContentSchema.extend({
  cycleKey: z.string().regex(QUARTER_KEY, "Not a cycle."),
  employeeId: z.number().int().positive(),
  /** The version the page was showing; 0 for a review not started yet. */
  version: z.number().int().min(0),
});
export type ReviewSaveInput = z.infer<typeof reviewSaveSchema>;

export type FieldErrors = Record<string, string>;

/** Errors keyed by field ('keeperAnswer', 'keeperReason', 'summary', 'trait.<cycleTraitId>'). */
export function submitErrors(content: ReviewContent, traitIds: readonly number[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!content.keeperAnswer) errors.keeperAnswer = "Answer the keeper question.";
  if (!content.keeperReason.trim()) errors.keeperReason = "Give a reason for your answer.";
  if (!content.summary.trim()) errors.summary = "Write a summary for the employee.";
  const byId = new Map(content.traits.map((t) => [t.cycleTraitId, t]));
  for (const id of traitIds) {
    const t = byId.get(id);
    if (!t || (t.rating === null && !t.notObserved)) errors[`trait.${id}`] = "Rate this trait or mark it not observed.";
  }
  return errors;
}

/** A trait is either rated or not observed, never both: not observed wins and clears the rating. */
export function normaliseTraits(traits: ReviewContent["traits"]): ReviewContent["traits"] {
  return traits.map((t) => (t.notObserved ? { ...t, rating: null } : t));
}
