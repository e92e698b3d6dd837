import { rateHelpScout } from "@/lib/domain/csat";
import { firstObject, type JsonSource } from "./json-source";
import { isObject, jsonRef, toOutcome } from "./record";
import { rejected } from "./types";

/**
 * Help Scout reports v2 happiness ratings (`{"results": [...], "page": …}`). A rating belongs
 * to one reply, so the reply's `threadid` identifies it; `number` is the ticket people quote.
 */
export const helpscout: JsonSource = {
  source: "helpscout",
  expected: 'a Help Scout ratings report ({"results": [{"ratingId": …}, …]})',
  records: (doc) => (isObject(doc) && Array.isArray(doc.results) ? doc.results : null),
  claims: (records) => records.length === 0 || firstObject(records)?.ratingId !== undefined,
  normalize(raw, index, ctx) {
    if (!isObject(raw)) return rejected(`record #${index + 1}`, "is not a JSON object");
    return toOutcome(
      {
        source: "helpscout",
        ref: jsonRef(raw.threadid, index),
        verdict: rateHelpScout(raw.ratingId),
        id: raw.threadid,
        idField: "threadid",
        agent: raw.ratingUserId,
        agentField: "ratingUserId",
        ratedAt: raw.ratingCreatedAt,
        ratedAtField: "ratingCreatedAt",
        channel: raw.type,
        comment: raw.ratingComments,
        ticketRef: raw.number,
      },
      ctx,
    );
  },
};
