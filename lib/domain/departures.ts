import { z } from "zod";

/**
 * Departures: when someone left, whether they chose to, and whether the organisation wanted to
 * keep them. The facts the keeper test is checked against (keeper-outcomes.ts).
 */

export const LEAVE_TYPES = ["voluntary", "involuntary"] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

export const LEAVE_TYPE_LABELS: Record<LeaveType, string> = {
  voluntary: "Voluntary (they chose to leave)",
  involuntary: "Involuntary (the organisation ended it)",
};

export interface Departure {
  leftAt: string;
  leaveType: LeaveType;
  regretted: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written 'YYYY-MM-DD' (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
}

/** Leaving is recorded on or after the last day: a future date would lock someone out early. */
export function leaveDateProblem(leftAt: string, today: string): string | null {
  if (!isCalendarDate(leftAt)) return "Enter the last day of employment as a date (YYYY-MM-DD).";
  if (leftAt > today) return "The last day can't be in the future: record the departure on or after it.";
  return null;
}

/** The HR form's fields; `today` is the UTC day the form is judged against. */
export function departureSchema(today: string) {
  return z.object({
    employeeId: z.coerce.number().int().positive(),
    leftAt: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const problem = leaveDateProblem(value, today);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    leaveType: z.enum(LEAVE_TYPES, { error: "Choose voluntary or involuntary." }),
    regretted: z.enum(["yes", "no"], { error: "Say whether the departure was regretted." }).transform((v) => v === "yes"),
  });
}

const YES = new Set(["yes", "true", "1", "y"]);
const NO = new Set(["no", "false", "0", "n"]);

/**
 * The org CSV's optional `left_at,leave_type,regretted` columns. All blank: no departure in this
 * row (a stored one is left alone). `left_at` given: the other two are required.
 */
export function parseDepartureColumns(
  leftAt: string,
  leaveType: string,
  regretted: string,
  today: string,
): { ok: true; value: Departure | null } | { ok: false; message: string } {
  const type = leaveType.trim().toLowerCase();
  const regret = regretted.trim().toLowerCase();
  if (leftAt === "") {
    if (type !== "" || regret !== "") return { ok: false, message: "leave_type and regretted need a left_at date" };
    return { ok: true, value: null };
  }
  if (!isCalendarDate(leftAt)) return { ok: false, message: `left_at '${leftAt}' is not a date (YYYY-MM-DD)` };
  if (leftAt > today) return { ok: false, message: `left_at ${leftAt} is in the future; import the departure on or after the last day` };
  if (!(LEAVE_TYPES as readonly string[]).includes(type))
    return { ok: false, message: `leave_type '${leaveType}' is not one of ${LEAVE_TYPES.join(", ")}` };
  if (!YES.has(regret) && !NO.has(regret)) return { ok: false, message: `regretted '${regretted}' is not yes or no` };
  return { ok: true, value: { leftAt, leaveType: type as LeaveType, regretted: YES.has(regret) } };
}
