import { DAY, epochSeconds, isRecord, type Connector } from "../types";

const records = (doc: unknown): unknown[] | null =>
  Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.payload) ? doc.payload : null;

/**
 * Chatwoot `GET /api/v1/accounts/{account_id}/csat_survey_responses?since=…&until=…&page=N` with
 * the `api_access_token` header; pages until an empty one. `since` is by creation time, so passes
 * re-read a lookback window for ratings changed later.
 */
export const chatwoot: Connector = {
  source: "chatwoot",
  label: "Chatwoot",
  defaultBaseUrl: "https://app.chatwoot.com",
  lookbackMs: 14 * DAY,
  missing: (c) =>
    !c.credentials.token
      ? "Chatwoot needs an access token (Profile settings → Access token)."
      : !c.accountId || !/^\d+$/.test(c.accountId)
        ? "Chatwoot needs the numeric account id."
        : null,
  headers: async (c) => ({ api_access_token: c.credentials.token!, Accept: "application/json" }),
  firstPage(c, since, now) {
    const url = new URL(`${c.baseUrl}/api/v1/accounts/${encodeURIComponent(c.accountId ?? "")}/csat_survey_responses`);
    url.searchParams.set("since", String(since === null ? 0 : Math.max(0, epochSeconds(since - this.lookbackMs))));
    url.searchParams.set("until", String(epochSeconds(now) + 1));
    url.searchParams.set("page", "1");
    return { method: "GET", url: url.toString() };
  },
  nextPage(_c, doc, current) {
    const list = records(doc);
    if (!list || list.length === 0) return null;
    const url = new URL(current.url);
    url.searchParams.set("page", String(Number(url.searchParams.get("page") ?? "1") + 1));
    return { method: "GET", url: url.toString() };
  },
  count: (doc) => records(doc)?.length ?? 0,
};
