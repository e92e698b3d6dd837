import { z } from "zod";
import { isCalendarDate } from "./departures";
import type { KeeperAnswer } from "./keeper";

/**
 * The candid conversation follow-up (docs/decisions/0017-keeper-outcomes.md): an `unsure` or
 * `let_go` answer in a released cycle asks the person's manager what happened next.
 */

export const FOLLOW_UP_KINDS = ["conversation", "improvement_plan", "separation"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  conversation: "A candid conversation",
  improvement_plan: "An improvement plan",
  separation: "A separation",
};

/** What the date means for each kind, for the form's label. */
export const FOLLOW_UP_DATE_LABELS: Record<FollowUpKind, string> = {
  conversation: "Held on",
  improvement_plan: "Started on",
  separation: "Agreed on",
};

/** Which answers ask for a follow-up, and when: once the cycle is released (or closed). */
export function asksForFollowUp(answer: KeeperAnswer | null, cycleState: string): boolean {
  return (answer === "unsure" || answer === "let_go") && (cycleState === "released" || cycleState === "closed");
}

/** The manager's answer; `today` bounds what has already happened. */
export function followUpSchema(today: string) {
  return z
    .object({
      reviewId: z.coerce.number().int().positive(),
      kind: z.enum(FOLLOW_UP_KINDS, { error: "Choose what happened." }),
      happenedOn: z.string().trim().refine(isCalendarDate, "Enter a date (YYYY-MM-DD)."),
      reviewOn: z
        .string()
        .trim()
        .transform((v) => (v === "" ? null : v))
        .refine((v) => v === null || isCalendarDate(v), "Enter a date (YYYY-MM-DD)."),
      note: z.string().trim().max(2000, "Keep the note under 2,000 characters."),
    })
    .superRefine((v, ctx) => {
      if (v.kind !== "separation" && v.happenedOn > today) {
        ctx.addIssue({ code: "custom", path: ["happenedOn"], message: "Record it once it has happened: the date can't be in the future." });
      }
      if (v.kind === "improvement_plan" && v.reviewOn === null) {
        ctx.addIssue({ code: "custom", path: ["reviewOn"], message: "An improvement plan needs a review date." });
      }
      if (v.kind === "improvement_plan" && v.reviewOn !== null && v.reviewOn <= v.happenedOn) {
        ctx.addIssue({ code: "custom", path: ["reviewOn"], message: "The review date comes after the plan starts." });
      }
    })
    .transform((v) => ({ ...v, reviewOn: v.kind === "improvement_plan" ? v.reviewOn : null }));
}
