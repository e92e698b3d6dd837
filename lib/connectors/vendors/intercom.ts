import { epochSeconds, isRecord, type Connector } from "../types";

const PER_PAGE = 150;
/** Clocks differ a little between Intercom and us: re-read a few minutes before the cursor. */
const SKEW_MS = 5 * 60_000;

/**
 * Intercom `POST /conversations/search` for conversations updated since the cursor (a new or
 * changed rating updates its conversation), `pages.next.starting_after` to page on. Each
 * conversation carries `conversation_rating`; unrated ones count as "not responses".
 */
export const intercom: Connector = {
  source: "intercom",
  label: "Intercom",
  defaultBaseUrl: "https://api.intercom.io",
  lookbackMs: SKEW_MS,
  missing: (c) => (!c.credentials.token ? "Intercom needs an access token." : null),
  headers: async (c) => ({
    Authorization: `Bearer ${c.credentials.token}`,
    Accept: "application/json",
    "Content-Type": "application/json",
    "Intercom-Version": "2.11",
  }),
  firstPage(c, since) {
    const body = {
      query: { field: "updated_at", operator: ">", value: since === null ? 0 : Math.max(0, epochSeconds(since - this.lookbackMs)) },
      pagination: { per_page: PER_PAGE },
    };
    return { method: "POST", url: `${c.baseUrl}/conversations/search`, body: JSON.stringify(body) };
  },
  nextPage(_c, doc, current) {
    const pages = isRecord(doc) && isRecord(doc.pages) ? doc.pages : {};
    const next = isRecord(pages.next) ? pages.next : null;
    if (!next || typeof next.starting_after !== "string" || next.starting_after === "") return null;
    const body = JSON.parse(current.body ?? "{}") as { pagination?: Record<string, unknown> };
    body.pagination = { ...body.pagination, starting_after: next.starting_after };
    return { ...current, body: JSON.stringify(body) };
  },
  count: (doc) => (isRecord(doc) && Array.isArray(doc.conversations) ? doc.conversations.length : 0),
};
