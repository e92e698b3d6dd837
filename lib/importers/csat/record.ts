import type { RatingVerdict } from "@/lib/domain/csat";
import { parseTimestamp } from "./timestamp";
import { NOT_A_RESPONSE, rejected, type CsatSource, type RowContext, type RowOutcome } from "./types";

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Ids arrive as numbers or strings depending on the tool; both are stored as text. */
export function idText(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  return null;
}

/** Optional free text (comment, channel, ticket): blank means absent; line breaks become \n. */
export function textOrNull(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "") return null;
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** How a rejected JSON record is named in the report: by its id, or its position without one. */
export function jsonRef(id: unknown, index: number): string {
  const text = idText(id);
  return text === null ? `record #${index + 1}` : `record ${text}`;
}

/** The fields every source provides, named as the source names them for error messages. */
export type RecordParts = {
  source: CsatSource;
  ref: string;
  verdict: RatingVerdict;
  id: unknown;
  idField: string;
  agent: unknown;
  agentField: string;
  ratedAt: unknown;
  ratedAtField: string;
  updatedAt?: unknown;
  updatedAtField?: string;
  channel?: unknown;
  comment?: unknown;
  ticketRef?: unknown;
};

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * Validates and normalises one rating. Checks run in an order that gives the most useful
 * reason: a survey nobody answered is "not a response" even when it lacks an agent.
 */
export function toOutcome(p: RecordParts, ctx: RowContext): RowOutcome {
  const { verdict } = p;
  if (verdict.kind === "not_response") return NOT_A_RESPONSE;
  const sourceRecordId = idText(p.id);
  if (sourceRecordId === null) return rejected(p.ref, `missing ${p.idField}`);
  if (verdict.kind === "invalid") return rejected(p.ref, verdict.reason);
  const agentExternalId = idText(p.agent);
  if (agentExternalId === null) return rejected(p.ref, `missing ${p.agentField} (no agent to credit)`);

  const ratedAt = parseTimestamp(p.ratedAt, ctx.now);
  if (typeof ratedAt !== "number") return rejected(p.ref, `${p.ratedAtField} ${ratedAt.error}`);
  let updatedAt = ratedAt;
  // Most exports repeat the rating time as the update time; parse it once.
  if (p.updatedAt !== p.ratedAt && !isBlank(p.updatedAt)) {
    const parsed = parseTimestamp(p.updatedAt, ctx.now);
    if (typeof parsed !== "number") return rejected(p.ref, `${p.updatedAtField ?? "updated_at"} ${parsed.error}`);
    updatedAt = parsed;
  }

  return {
    kind: "response",
    record: {
      source: p.source,
      sourceRecordId,
      agentExternalId,
      ratedAt,
      satisfied: verdict.satisfied,
      rawValue: verdict.rawValue,
      scale: verdict.scale,
      channel: textOrNull(p.channel),
      comment: textOrNull(p.comment),
      ticketRef: textOrNull(p.ticketRef),
      updatedAt,
    },
  };
}
