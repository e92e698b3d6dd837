import { z } from "zod";
import { CSAT_BANDS } from "@/lib/domain/csat-band";
import { CYCLE_STATES } from "@/lib/domain/cycle-state";
import { FLAG_KINDS } from "@/lib/domain/calibration-flags";
import { KEEPER_ANSWERS } from "@/lib/domain/keeper";

/**
 * The response shapes of `/api/v1`, as zod schemas: the route handlers' JSON builders are typed
 * by them (a field added to a response without its schema fails the type check), and the
 * OpenAPI document at /api/v1/openapi.json is generated from them. Fractions, not percents.
 */

/** List endpoints page with `?limit=` (default and most) and the opaque `?cursor=` of `next`. */
export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 500;

const id = z.number().int().positive();
const isoTime = z.iso.datetime({ offset: true });
const fraction = z.number().min(0).max(1);
const interval = z.tuple([fraction, fraction]).describe("95% Wilson score interval");
const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/)
  .describe("A calendar quarter, YYYY-Qn (UTC)");
const keeperAnswer = z.enum(KEEPER_ANSWERS);
const personRef = z.object({ id, email: z.string(), name: z.string() });

export const errorSchema = z
  .object({
    error: z.string().describe("not_found, unauthorized, forbidden, bad_request, too_large, internal_error"),
    message: z.string().optional(),
  })
  .meta({ id: "Error" });

export const meSchema = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(["agent", "manager", "hr", "admin"]),
    isHr: z.boolean(),
    isAdmin: z.boolean(),
    hasReports: z.boolean(),
  })
  .meta({ id: "Me" });

export const cyclesSchema = z
  .object({
    cycles: z.array(
      z.object({
        key: quarter,
        state: z.enum(CYCLE_STATES),
        dueDate: z.string().nullable(),
        shareKeeper: z.boolean(),
        completion: z.object({ expected: z.number().int(), draft: z.number().int(), submitted: z.number().int() }),
      }),
    ),
  })
  .meta({ id: "Cycles" });

export const reviewSchema = z
  .object({
    id,
    cycle: quarter,
    status: z.enum(["not_started", "draft", "submitted"]),
    version: z.number().int(),
    updatedAt: isoTime.nullable(),
    employee: personRef,
    reviewer: personRef.nullable(),
    keeper: z
      .object({ answer: keeperAnswer, reason: z.string() })
      .nullable()
      .describe("Null when not answered, or hidden from the employee by the cycle"),
    traits: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        rating: z.number().int().min(1).max(5).nullable(),
        notObserved: z.boolean(),
        comment: z.string(),
      }),
    ),
    summary: z.string(),
    privateNotes: z.string().optional().describe("Only for readers other than the employee"),
  })
  .meta({ id: "Review" });

const next = z.string().nullable().describe("The next page's address (relative), or null on the last page");

export const reviewsPageSchema = z.object({ cycle: quarter, reviews: z.array(reviewSchema), next }).meta({ id: "ReviewsPage" });

export const talentTeamSchema = z
  .object({
    team: z.string(),
    manager: personRef.nullable(),
    headcount: z.number().int(),
    completion: z.object({ notStarted: z.number().int(), draft: z.number().int(), submitted: z.number().int() }),
    keeperRate: fraction.nullable(),
    distribution: z.record(keeperAnswer, z.number().int()),
    csat: fraction.nullable(),
    ci95: interval.nullable(),
    responses: z.number().int(),
    grid: z.array(z.object({ keeper: keeperAnswer, band: z.enum(CSAT_BANDS), employees: z.array(personRef) })),
    flags: z.array(z.object({ employeeId: id, kind: z.enum(FLAG_KINDS), detail: z.string() })),
  })
  .meta({ id: "TalentTeam" });

export const talentPageSchema = z
  .object({
    cycle: quarter,
    organisation: z.object({
      csat: fraction.nullable(),
      ci95: interval.nullable(),
      responses: z.number().int(),
      keeperRate: fraction.nullable(),
    }),
    teams: z.array(talentTeamSchema),
    next,
  })
  .meta({ id: "TalentPage" });

const csatFigure = { responses: z.number().int(), satisfied: z.number().int(), csat: fraction.nullable(), ci95: interval.nullable() };

export const employeeCsatSchema = z
  .object({
    employee: z.object({ id, name: z.string(), email: z.string() }),
    quarter,
    ...csatFigure,
    tooFewResponses: z.boolean(),
    organisation: z.object(csatFigure),
    trend: z.array(z.object({ quarter, ...csatFigure })),
    comments: z.array(
      z.object({ ratedAt: isoTime, satisfied: z.boolean(), channel: z.string().nullable(), comment: z.string().nullable() }),
    ),
  })
  .meta({ id: "EmployeeCsat" });

export const feedbackSchema = z
  .object({
    reviews: z.array(
      reviewSchema.extend({
        acknowledgedAt: isoTime.nullable(),
        reply: z.string().nullable(),
        repliedAt: isoTime.nullable(),
        canAcknowledge: z.boolean(),
        canReply: z.boolean(),
      }),
    ),
    traitTrend: z.object({
      quarters: z.array(quarter),
      rows: z.array(z.object({ key: z.string(), label: z.string(), ratings: z.array(z.number().nullable()) })),
    }),
  })
  .meta({ id: "Feedback" });

const checkinSchema = z.object({
  id,
  agent: z.object({ id, name: z.string() }),
  manager: z.object({ id, name: z.string() }),
  askedAt: isoTime,
  message: z.string(),
  answeredAt: isoTime.nullable(),
  answer: keeperAnswer.nullable(),
  note: z.string().nullable(),
});

export const checkinsSchema = z
  .object({
    asked: z.array(checkinSchema),
    toAnswer: z.array(checkinSchema),
    answered: z.array(checkinSchema),
    perManager: z
      .array(
        z.object({
          managerId: id,
          managerName: z.string(),
          open: z.number().int(),
          oldestOpenAskedAt: isoTime.nullable(),
          answered: z.number().int(),
          averageWaitMs: z.number().nullable(),
        }),
      )
      .optional()
      .describe("HR only: counts per manager, never the content"),
  })
  .meta({ id: "Checkins" });

export const notificationsSchema = z
  .object({
    unread: z.number().int(),
    notifications: z.array(
      z.object({
        id,
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        link: z.string().nullable(),
        createdAt: isoTime,
        readAt: isoTime.nullable(),
      }),
    ),
  })
  .meta({ id: "Notifications" });

export const csatImportReportSchema = z
  .object({
    importId: id,
    files: z.array(
      z.object({
        name: z.string(),
        source: z.string().nullable(),
        detected: z.boolean(),
        rowsRead: z.number().int(),
        error: z.string().optional(),
      }),
    ),
    rowsRead: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    notResponses: z.number().int(),
    rejected: z.array(z.object({}).loose()),
    rejectedCount: z.number().int(),
    fileErrors: z.array(z.object({ file: z.string(), reason: z.string() })),
    unmatched: z.array(z.object({}).loose()),
  })
  .meta({ id: "CsatImportReport" });

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["ok", "unreachable"]),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int(), current: z.boolean() }),
  })
  .meta({ id: "Health" });

const rateSchema = z.object({
  count: z.number().int(),
  of: z.number().int(),
  rate: fraction.nullable(),
  ci95: interval.nullable(),
  small: z.boolean().describe("Fewer than 10 people: read the counts, not the rate"),
});
const unknownWindow = z.object({ known: z.literal(false), knownFrom: z.string().describe("YYYY-MM-DD when the window ends") });
const knownWindow = <T extends z.ZodRawShape>(shape: T) => z.object({ known: z.literal(true), ...shape });
const outcomeFiguresSchema = z.object({
  fightHard: z.object({
    answered: z.number().int(),
    undated: z.number().int().describe("Leavers with no recorded date, left out of the rates"),
    within: z.object({
      6: z.union([unknownWindow, knownWindow({ left: rateSchema, regretted: rateSchema })]),
      12: z.union([unknownWindow, knownWindow({ left: rateSchema, regretted: rateSchema })]),
    }),
  }),
  doubt: z.object({
    answered: z.number().int(),
    letGo: z.number().int(),
    unsure: z.number().int(),
    undated: z.number().int(),
    afterTwoQuarters: z.union([
      unknownWindow,
      knownWindow({
        stillHere: rateSchema,
        laterAnswers: z.object({
          fight_hard: z.number().int(),
          keep: z.number().int(),
          unsure: z.number().int(),
          let_go: z.number().int(),
          none: z.number().int(),
        }),
        laterCsat: z.object({ ...csatFigure, tooFew: z.boolean() }),
      }),
    ]),
  }),
});

export const outcomesSchema = z
  .object({
    cycle: quarter,
    asOf: z.string().describe("YYYY-MM-DD the figures were computed for"),
    anchor: z.string().describe("YYYY-MM-DD the windows start from: the day after the cycle's quarter"),
    windows: z.object({ months6: z.string(), months12: z.string(), doubt: z.string(), laterQuarter: z.string() }),
    scope: outcomeFiguresSchema,
    teams: z.array(outcomeFiguresSchema.extend({ team: z.object({ id, name: z.string() }).nullable() })),
    managers: z.array(outcomeFiguresSchema.extend({ manager: z.object({ id, name: z.string() }).nullable() })),
  })
  .meta({ id: "Outcomes" });
