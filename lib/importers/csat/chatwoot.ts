import { rateChatwoot } from "@/lib/domain/csat";
import { firstObject, type JsonSource } from "./json-source";
import { isObject, jsonRef, toOutcome } from "./record";
import { rejected } from "./types";

/**
 * Chatwoot CSAT survey responses: a bare array, or the API's `{"payload": [...]}`. The agent is
 * `assigned_agent_id`, or `assigned_agent.id` in the API's expanded form.
 */
export const chatwoot: JsonSource = {
  source: "chatwoot",
  expected: 'Chatwoot CSAT survey responses ([{"rating": …, "assigned_agent_id": …}, …])',
  records(doc) {
    if (Array.isArray(doc)) return doc;
    return isObject(doc) && Array.isArray(doc.payload) ? doc.payload : null;
  },
  claims(records) {
    const first = firstObject(records);
    return first !== null && first.rating !== undefined && first.ratings === undefined;
  },
  normalize(raw, index, ctx) {
    if (!isObject(raw)) return rejected(`record #${index + 1}`, "is not a JSON object");
    const agent = raw.assigned_agent_id ?? (isObject(raw.assigned_agent) ? raw.assigned_agent.id : undefined);
    return toOutcome(
      {
        source: "chatwoot",
        ref: jsonRef(raw.id, index),
        verdict: rateChatwoot(raw.rating),
        id: raw.id,
        idField: "id",
        agent,
        agentField: "assigned_agent_id",
        ratedAt: raw.created_at,
        ratedAtField: "created_at",
        updatedAt: raw.updated_at,
        updatedAtField: "updated_at",
        comment: raw.feedback_message,
        ticketRef: raw.conversation_id,
      },
      ctx,
    );
  },
};
