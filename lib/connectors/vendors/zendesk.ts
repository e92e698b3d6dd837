import { basicAuth, DAY, epochSeconds, isRecord, sameOrigin, type Connector } from "../types";

/**
 * Zendesk `GET /api/v2/satisfaction_ratings` with cursor pagination (`page[size]`, then
 * `links.next` while `meta.has_more`), or offset pagination's `next_page` on older accounts.
 * `start_time` filters by when the rating was created, and a customer can change a rating later
 * (bad → good), so each pass re-reads a lookback window; unchanged ratings are counted, not rewritten.
 */
export const zendesk: Connector = {
  source: "zendesk",
  label: "Zendesk",
  defaultBaseUrl: null,
  lookbackMs: 14 * DAY,
  missing: (c) =>
    !c.credentials.email
      ? "Zendesk needs the agent email that owns the API token."
      : !c.credentials.token
        ? "Zendesk needs an API token."
        : null,
  headers: async (c) => ({ Authorization: basicAuth(`${c.credentials.email}/token`, c.credentials.token!), Accept: "application/json" }),
  firstPage(c, since) {
    const url = new URL(`${c.baseUrl}/api/v2/satisfaction_ratings`);
    url.searchParams.set("page[size]", "100");
    url.searchParams.set("score", "received");
    if (since !== null) url.searchParams.set("start_time", String(Math.max(0, epochSeconds(since - this.lookbackMs))));
    return { method: "GET", url: url.toString() };
  },
  nextPage(c, doc) {
    if (!isRecord(doc)) return null;
    const links = isRecord(doc.links) ? doc.links : {};
    const meta = isRecord(doc.meta) ? doc.meta : {};
    if (meta.has_more === true && typeof links.next === "string") return { method: "GET", url: sameOrigin(c, links.next) };
    if (meta.has_more === undefined && typeof doc.next_page === "string" && doc.next_page !== "")
      return { method: "GET", url: sameOrigin(c, doc.next_page) };
    return null;
  },
  count: (doc) => (isRecord(doc) && Array.isArray(doc.satisfaction_ratings) ? doc.satisfaction_ratings.length : 0),
};
