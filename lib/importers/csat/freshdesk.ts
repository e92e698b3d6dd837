import { rateFreshdesk } from "@/lib/domain/csat";
import { firstObject, type JsonSource } from "./json-source";
import { isObject, jsonRef, toOutcome } from "./record";
import { rejected } from "./types";

/** Freshdesk `GET /api/v2/surveys/satisfaction_ratings`: a bare array of ratings. */
export const freshdesk: JsonSource = {
  source: "freshdesk",
  expected: 'a Freshdesk satisfaction ratings array ([{"ratings": {"default_question": …}, …}])',
  records: (doc) => (Array.isArray(doc) ? doc : null),
  claims: (records) => isObject(firstObject(records)?.ratings),
  normalize(raw, index, ctx) {
    if (!isObject(raw)) return rejected(`record #${index + 1}`, "is not a JSON object");
    const ratings = isObject(raw.ratings) ? raw.ratings : {};
    return toOutcome(
      {
        source: "freshdesk",
        ref: jsonRef(raw.id, index),
        verdict: rateFreshdesk(ratings.default_question),
        id: raw.id,
        idField: "id",
        agent: raw.agent_id,
        agentField: "agent_id",
        ratedAt: raw.created_at,
        ratedAtField: "created_at",
        updatedAt: raw.updated_at,
        updatedAtField: "updated_at",
        comment: raw.feedback,
        ticketRef: raw.ticket_id,
      },
      ctx,
    );
  },
};
