import { describe, expect, it } from "vitest";
import { CONNECTORS } from "@/lib/connectors/registry";
import { DAY, type ConnectionConfig, type ConnectorSource } from "@/lib/connectors/types";

const NOW = Date.UTC(2026, 11, 6, 12);
const SINCE = Date.UTC(2026, 11, 1);
const config = (source: ConnectorSource, baseUrl: string): ConnectionConfig => ({
  source,
  baseUrl,
  accountId: "7",
  credentials: { email: "a@b.test", token: "tok", appId: "id", appSecret: "secret" },
});

describe("each connector asks its documented endpoint for what changed", () => {
  it("Zendesk: cursor pages of received ratings from start_time, minus the lookback", () => {
    const c = CONNECTORS.zendesk;
    const first = new URL(c.firstPage(config("zendesk", "https://acme.zendesk.com"), SINCE, NOW).url);
    expect(first.pathname).toBe("/api/v2/satisfaction_ratings");
    expect(first.searchParams.get("page[size]")).toBe("100");
    expect(Number(first.searchParams.get("start_time"))).toBe((SINCE - 14 * DAY) / 1000);
    expect(new URL(c.firstPage(config("zendesk", "https://acme.zendesk.com"), null, NOW).url).searchParams.has("start_time")).toBe(false);
  });

  it("Zendesk: follows links.next while meta.has_more, else next_page", () => {
    const c = CONNECTORS.zendesk;
    const cfg = config("zendesk", "https://acme.zendesk.com");
    const cur = { method: "GET" as const, url: "https://acme.zendesk.com/x" };
    expect(
      c.nextPage(
        cfg,
        { meta: { has_more: true }, links: { next: "https://acme.zendesk.com/api/v2/satisfaction_ratings?page[after]=x" } },
        cur,
      )?.url,
    ).toContain("page[after]=x");
    expect(c.nextPage(cfg, { meta: { has_more: false }, links: { next: "https://acme.zendesk.com/n" } }, cur)).toBeNull();
    expect(c.nextPage(cfg, { next_page: "https://acme.zendesk.com/api/v2/satisfaction_ratings.json?page=2" }, cur)?.url).toContain(
      "page=2",
    );
    expect(c.nextPage(cfg, { next_page: null }, cur)).toBeNull();
  });

  it("Freshdesk: created_since and page, a full page asks for the next", () => {
    const c = CONNECTORS.freshdesk;
    const cfg = config("freshdesk", "https://acme.freshdesk.com");
    const first = c.firstPage(cfg, SINCE, NOW);
    const url = new URL(first.url);
    expect(url.pathname).toBe("/api/v2/surveys/satisfaction_ratings");
    expect(url.searchParams.get("created_since")).toBe("2026-11-17T00:00:00Z");
    expect(new URL(c.nextPage(cfg, new Array(100).fill({}), first)!.url).searchParams.get("page")).toBe("2");
    expect(c.nextPage(cfg, new Array(99).fill({}), first)).toBeNull();
  });

  it("Intercom: POST /conversations/search by updated_at, paging with starting_after", () => {
    const c = CONNECTORS.intercom;
    const cfg = config("intercom", "https://api.intercom.io");
    const first = c.firstPage(cfg, SINCE, NOW);
    expect(first).toMatchObject({ method: "POST", url: "https://api.intercom.io/conversations/search" });
    expect(JSON.parse(first.body!).query).toEqual({ field: "updated_at", operator: ">", value: (SINCE - 5 * 60_000) / 1000 });
    const next = c.nextPage(cfg, { pages: { next: { page: 2, starting_after: "abc" } } }, first)!;
    expect(JSON.parse(next.body!).pagination).toEqual({ per_page: 150, starting_after: "abc" });
    expect(c.nextPage(cfg, { pages: { page: 3 } }, next)).toBeNull();
  });

  it("Help Scout: the happiness ratings report over start..end, page by page", async () => {
    const c = CONNECTORS.helpscout;
    const cfg = config("helpscout", "https://api.helpscout.net");
    const url = new URL(c.firstPage(cfg, SINCE, NOW).url);
    expect(url.pathname).toBe("/v2/reports/happiness/ratings");
    expect(url.searchParams.get("end")).toBe("2026-12-06T12:00:00Z");
    expect(url.searchParams.get("rating")).toBe("all");
    const cur = { method: "GET" as const, url: url.toString() };
    expect(new URL(c.nextPage(cfg, { results: [{}], page: 1, pages: 2 }, cur)!.url).searchParams.get("page")).toBe("2");
    expect(c.nextPage(cfg, { results: [{}], page: 1, pages: 1 }, cur)).toBeNull();
    expect(await c.headers({ ...cfg, credentials: { token: "direct" } }, {})).toMatchObject({ Authorization: "Bearer direct" });
  });

  it("Chatwoot: the account's csat_survey_responses with since/until, until an empty page", () => {
    const c = CONNECTORS.chatwoot;
    const cfg = config("chatwoot", "https://app.chatwoot.com");
    const first = c.firstPage(cfg, SINCE, NOW);
    const url = new URL(first.url);
    expect(url.pathname).toBe("/api/v1/accounts/7/csat_survey_responses");
    expect(Number(url.searchParams.get("since"))).toBe((SINCE - 14 * DAY) / 1000);
    expect(c.nextPage(cfg, [{}], first)).not.toBeNull();
    expect(c.nextPage(cfg, [], first)).toBeNull();
    expect(c.missing({ ...cfg, accountId: null })).toMatch(/account id/);
  });

  it("sends each vendor's documented auth", async () => {
    expect((await CONNECTORS.zendesk.headers(config("zendesk", "https://x.test"), {})).Authorization).toBe(
      `Basic ${Buffer.from("a@b.test/token:tok").toString("base64")}`,
    );
    expect((await CONNECTORS.freshdesk.headers(config("freshdesk", "https://x.test"), {})).Authorization).toBe(
      `Basic ${Buffer.from("tok:X").toString("base64")}`,
    );
    expect((await CONNECTORS.intercom.headers(config("intercom", "https://x.test"), {})).Authorization).toBe("Bearer tok");
    expect((await CONNECTORS.chatwoot.headers(config("chatwoot", "https://x.test"), {})).api_access_token).toBe("tok");
  });
});
