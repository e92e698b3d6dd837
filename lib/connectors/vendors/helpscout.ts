import { requestJson } from "../http";
import { DAY, isRecord, type Connector } from "../types";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** Help Scout's reports start in 2011; a first sync asks for everything since. */
const EVERYTHING_SINCE = Date.UTC(2011, 0, 1);

/**
 * Help Scout Mailbox API 2.0 `GET /v2/reports/happiness/ratings` (`start`, `end`, `rating=all`,
 * `page`): `{"results": [...], "page": n, "pages": m}` as lib/importers/csat/helpscout.ts reads.
 * Auth is OAuth2: client credentials (App ID + App Secret) traded at `POST /v2/oauth2/token`
 * for a bearer token, or a bearer token given directly. The window is by rating time, and a
 * customer can change a rating, so passes re-read a lookback window.
 */
export const helpscout: Connector = {
  source: "helpscout",
  label: "Help Scout",
  defaultBaseUrl: "https://api.helpscout.net",
  lookbackMs: 14 * DAY,
  missing: (c) =>
    c.credentials.token || (c.credentials.appId && c.credentials.appSecret)
      ? null
      : "Help Scout needs an App ID and App Secret (or an access token).",
  async headers(c, http) {
    let token = c.credentials.token;
    if (!token) {
      const form = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: c.credentials.appId!,
        client_secret: c.credentials.appSecret!,
      });
      const { doc } = await requestJson(
        {
          method: "POST",
          url: `${c.baseUrl}/v2/oauth2/token`,
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: form.toString(),
        },
        http,
      );
      if (!isRecord(doc) || typeof doc.access_token !== "string")
        throw new Error("Help Scout's token endpoint answered without an access_token.");
      token = doc.access_token;
    }
    return { Authorization: `Bearer ${token}`, Accept: "application/json" };
  },
  firstPage(c, since, now) {
    const url = new URL(`${c.baseUrl}/v2/reports/happiness/ratings`);
    url.searchParams.set("start", iso(since === null ? EVERYTHING_SINCE : Math.max(EVERYTHING_SINCE, since - this.lookbackMs)));
    url.searchParams.set("end", iso(now));
    url.searchParams.set("rating", "all");
    url.searchParams.set("sortField", "modifiedAt");
    url.searchParams.set("sortOrder", "ASC");
    url.searchParams.set("page", "1");
    return { method: "GET", url: url.toString() };
  },
  nextPage(_c, doc, current) {
    if (!isRecord(doc) || !Array.isArray(doc.results) || doc.results.length === 0) return null;
    const url = new URL(current.url);
    const page = Number(url.searchParams.get("page") ?? "1");
    if (typeof doc.pages === "number" && page >= doc.pages) return null;
    url.searchParams.set("page", String(page + 1));
    return { method: "GET", url: url.toString() };
  },
  count: (doc) => (isRecord(doc) && Array.isArray(doc.results) ? doc.results.length : 0),
};
