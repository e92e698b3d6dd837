import { rateZendesk } from "@/lib/domain/csat";
import { firstObject, type JsonSource } from "./json-source";
import { isObject, jsonRef, toOutcome } from "./record";
import { rejected } from "./types";

/** Zendesk `GET /api/v2/satisfaction_ratings`: `{"satisfaction_ratings": [...], "next_page": …}`. */
export const zendesk: JsonSource = {
  source: "zendesk",
  expected: 'a Zendesk satisfaction ratings page ({"satisfaction_ratings": [...]})',
  records: (doc) => (isObject(doc) && Array.isArray(doc.satisfaction_ratings) ? doc.satisfaction_ratings : null),
  claims: (records) => records.length === 0 || firstObject(records)?.score !== undefined,
  normalize(raw, index, ctx) {
    if (!isObject(raw)) return rejected(`record #${index + 1}`, "is not a JSON object");
    return toOutcome(
      {
        source: "zendesk",
        ref: jsonRef(raw.id, index),
        verdict: rateZendesk(raw.score),
        id: raw.id,
        idField: "id",
        agent: raw.assignee_id,
        agentField: "assignee_id",
        ratedAt: raw.created_at,
        ratedAtField: "created_at",
        updatedAt: raw.updated_at,
        updatedAtField: "updated_at",
        comment: raw.comment,
        ticketRef: raw.ticket_id,
      },
      ctx,
    );
  },
};
