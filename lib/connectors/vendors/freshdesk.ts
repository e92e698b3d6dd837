import { basicAuth, DAY, type Connector } from "../types";

const PER_PAGE = 100;
/** Without `created_since` Freshdesk returns only the last 30 days; a first sync wants all of it. */
const EVERYTHING_SINCE = "2000-01-01T00:00:00Z";

/**
 * Freshdesk `GET /api/v2/surveys/satisfaction_ratings?created_since=…&page=N` (a bare array;
 * a full page means there may be another). Basic auth with the API key and any password (`X`).
 * `created_since` is by creation time, so passes re-read a lookback window for changed ratings.
 */
export const freshdesk: Connector = {
  source: "freshdesk",
  label: "Freshdesk",
  defaultBaseUrl: null,
  lookbackMs: 14 * DAY,
  missing: (c) => (!c.credentials.token ? "Freshdesk needs an API key." : null),
  headers: async (c) => ({ Authorization: basicAuth(c.credentials.token!, "X"), Accept: "application/json" }),
  firstPage(c, since) {
    const url = new URL(`${c.baseUrl}/api/v2/surveys/satisfaction_ratings`);
    url.searchParams.set(
      "created_since",
      since === null ? EVERYTHING_SINCE : new Date(Math.max(0, since - this.lookbackMs)).toISOString().replace(/\.\d{3}Z$/, "Z"),
    );
    url.searchParams.set("per_page", String(PER_PAGE));
    url.searchParams.set("page", "1");
    return { method: "GET", url: url.toString() };
  },
  nextPage(_c, doc, current) {
    if (!Array.isArray(doc) || doc.length < PER_PAGE) return null;
    const url = new URL(current.url);
    url.searchParams.set("page", String(Number(url.searchParams.get("page") ?? "1") + 1));
    return { method: "GET", url: url.toString() };
  },
  count: (doc) => (Array.isArray(doc) ? doc.length : 0),
};
