import { rateIntercom } from "@/lib/domain/csat";
import type { JsonSource } from "./json-source";
import { isObject, jsonRef, toOutcome } from "./record";
import { NOT_A_RESPONSE, rejected } from "./types";

/**
 * Intercom conversations (`{"type": "conversation.list", "conversations": [...]}`). The rating
 * lives in `conversation_rating`; a conversation without one was never rated.
 */
export const intercom: JsonSource = {
  source: "intercom",
  expected: 'an Intercom conversation list ({"conversations": [...]})',
  records: (doc) => (isObject(doc) && Array.isArray(doc.conversations) ? doc.conversations : null),
  claims: () => true,
  normalize(raw, index, ctx) {
    if (!isObject(raw)) return rejected(`record #${index + 1}`, "is not a JSON object");
    const rating = raw.conversation_rating;
    if (rating === null || rating === undefined) return NOT_A_RESPONSE;
    const ref = jsonRef(raw.id, index);
    if (!isObject(rating)) return rejected(ref, "conversation_rating is not an object");
    // Intercom can hold a rating request that was never answered.
    if (rating.rating === null || rating.rating === undefined) return NOT_A_RESPONSE;
    const teammate = isObject(rating.teammate) ? rating.teammate : {};
    return toOutcome(
      {
        source: "intercom",
        ref,
        verdict: rateIntercom(rating.rating),
        id: raw.id,
        idField: "id",
        agent: teammate.id,
        agentField: "conversation_rating.teammate.id",
        ratedAt: rating.created_at,
        ratedAtField: "conversation_rating.created_at",
        comment: rating.remark,
        ticketRef: raw.id,
      },
      ctx,
    );
  },
};
