import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { render, type FakeRating } from "./dataset";

/**
 * One loopback HTTP server playing all five helpdesks' rating APIs with their documented paths,
 * auth, filters, pagination and JSON shapes, plus the faults real APIs have: 429 with
 * Retry-After, 500, a page slower than the client's timeout, a dropped connection, a bad token.
 */
export type Vendor = "zendesk" | "freshdesk" | "intercom" | "helpscout" | "chatwoot";
export type Fault = { kind: "429"; retryAfter?: string } | { kind: "500" } | { kind: "slow"; ms: number } | { kind: "drop" };

export const FAKE_CREDENTIALS = {
  email: "ops@acme.test",
  token: "fake-token-0123456789abcd",
  appId: "fake-app-id-0123456789",
  appSecret: "fake-app-secret-0123456789",
  accountId: "7",
};

export type FakeHelpdesk = {
  url: string;
  ratings: FakeRating[];
  pageSize: number;
  /** The token the fake accepts; change it to make every request 401. */
  token: string;
  /** Zendesk without cursor pagination: `page=N` and `next_page`. */
  zendeskOffset: boolean;
  /** Faults served in order, one per data request. */
  faults: Fault[];
  /** Every data page from this page number on drops the connection (null: none). */
  dropFromPage: number | null;
  /** Data pages served: vendor and 1-based page number. */
  served: { vendor: Vendor; page: number }[];
  /** Authorization-like headers seen, to prove what the client sent. */
  seenAuth: string[];
  close(): Promise<void>;
};

const sec = (ms: number) => Math.floor(ms / 1000);
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, doc: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(doc));
}

export async function startFakeHelpdesk(options: {
  ratings: FakeRating[];
  pageSize?: number;
  host?: string;
  port?: number;
}): Promise<FakeHelpdesk> {
  const issuedHelpScoutTokens = new Set<string>();
  const sockets = new Set<import("node:net").Socket>();
  const fake: FakeHelpdesk = {
    url: "",
    ratings: options.ratings,
    pageSize: options.pageSize ?? 4,
    token: FAKE_CREDENTIALS.token,
    zendeskOffset: false,
    faults: [],
    dropFromPage: null,
    served: [],
    seenAuth: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const authorized = (vendor: Vendor, req: IncomingMessage): boolean => {
    const auth = req.headers.authorization ?? "";
    fake.seenAuth.push(auth || String(req.headers.api_access_token ?? ""));
    switch (vendor) {
      case "zendesk":
        return auth === basic(`${FAKE_CREDENTIALS.email}/token`, fake.token);
      case "freshdesk":
        return auth === basic(fake.token, "X");
      case "intercom":
        return auth === `Bearer ${fake.token}`;
      case "helpscout":
        return auth === `Bearer ${fake.token}` || (auth.startsWith("Bearer ") && issuedHelpScoutTokens.has(auth.slice(7)));
      case "chatwoot":
        return req.headers.api_access_token === fake.token;
    }
  };

  /** Serves one page after auth and faults; false when a fault or a 401 answered instead. */
  const serve = async (vendor: Vendor, page: number, req: IncomingMessage, res: ServerResponse, send: () => void): Promise<void> => {
    if (!authorized(vendor, req)) return json(res, 401, { error: "Couldn't authenticate you" });
    if (fake.dropFromPage !== null && page >= fake.dropFromPage) {
      req.socket.destroy();
      return;
    }
    const fault = fake.faults.shift();
    if (fault?.kind === "429") return json(res, 429, { error: "Too many requests" }, { "Retry-After": fault.retryAfter ?? "1" });
    if (fault?.kind === "500") return json(res, 500, { error: "Internal error" });
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.ms));
    if (res.destroyed) return;
    fake.served.push({ vendor, page });
    send();
  };

  const byCreated = () => [...fake.ratings].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", fake.url);
      const q = url.searchParams;
      const size = fake.pageSize;
      if (req.method === "GET" && url.pathname === "/api/v2/satisfaction_ratings") {
        const since = q.get("start_time") === null ? 0 : Number(q.get("start_time")) * 1000;
        const all = byCreated().filter((r) => r.createdAt >= since);
        const offset = fake.zendeskOffset
          ? (Number(q.get("page") ?? "1") - 1) * size
          : Number(Buffer.from(q.get("page[after]") ?? "MA", "base64url").toString() || "0");
        const slice = all.slice(offset, offset + size);
        const more = offset + size < all.length;
        const next = new URL(url);
        return serve("zendesk", offset / size + 1, req, res, () => {
          if (fake.zendeskOffset) {
            next.searchParams.set("page", String(offset / size + 2));
            return json(res, 200, {
              satisfaction_ratings: slice.map(render.zendesk),
              next_page: more ? next.toString() : null,
              previous_page: null,
              count: all.length,
            });
          }
          const after = Buffer.from(String(offset + size)).toString("base64url");
          next.searchParams.set("page[after]", after);
          json(res, 200, {
            satisfaction_ratings: slice.map(render.zendesk),
            meta: { has_more: more, after_cursor: after, before_cursor: null },
            links: { next: more ? next.toString() : null, prev: null },
          });
        });
      }
      if (req.method === "GET" && url.pathname === "/api/v2/surveys/satisfaction_ratings") {
        const since = Date.parse(q.get("created_since") ?? "") || Date.now() - 30 * 86_400_000;
        // Freshdesk honours per_page (up to 100); the client stops at a short page.
        const perPage = Math.min(Number(q.get("per_page") ?? "30"), 100);
        const page = Number(q.get("page") ?? "1");
        const all = byCreated().filter((r) => r.createdAt >= since);
        return serve("freshdesk", page, req, res, () =>
          json(res, 200, all.slice((page - 1) * perPage, page * perPage).map(render.freshdesk)),
        );
      }
      if (req.method === "POST" && url.pathname === "/conversations/search") {
        const body = JSON.parse((await bodyOf(req)) || "{}") as {
          query?: { field?: string; operator?: string; value?: number };
          pagination?: { per_page?: number; starting_after?: string };
        };
        if (body.query?.field !== "updated_at" || body.query.operator !== ">")
          return json(res, 400, { type: "error.list", errors: [{ code: "parameter_invalid" }] });
        const all = [...fake.ratings]
          .sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id)
          .filter((r) => sec(r.updatedAt) > (body.query!.value ?? 0));
        const offset = Number(Buffer.from(body.pagination?.starting_after ?? "MA", "base64url").toString() || "0");
        const slice = all.slice(offset, offset + size);
        const page = offset / size + 1;
        const more = offset + size < all.length;
        return serve("intercom", page, req, res, () =>
          json(res, 200, {
            type: "conversation.list",
            conversations: slice.map(render.intercom),
            total_count: all.length,
            pages: {
              type: "pages",
              page,
              per_page: size,
              total_pages: Math.ceil(all.length / size),
              ...(more ? { next: { page: page + 1, starting_after: Buffer.from(String(offset + size)).toString("base64url") } } : {}),
            },
          }),
        );
      }
      if (req.method === "POST" && url.pathname === "/v2/oauth2/token") {
        const form = new URLSearchParams(await bodyOf(req));
        if (
          form.get("grant_type") !== "client_credentials" ||
          form.get("client_id") !== FAKE_CREDENTIALS.appId ||
          form.get("client_secret") !== FAKE_CREDENTIALS.appSecret ||
          fake.token !== FAKE_CREDENTIALS.token
        ) {
          return json(res, 401, { error: "invalid_client" });
        }
        const token = `hs-${issuedHelpScoutTokens.size + 1}`;
        issuedHelpScoutTokens.add(token);
        return json(res, 200, { token_type: "bearer", access_token: token, expires_in: 7200 });
      }
      if (req.method === "GET" && url.pathname === "/v2/reports/happiness/ratings") {
        const start = Date.parse(q.get("start") ?? "");
        const end = Date.parse(q.get("end") ?? "");
        if (Number.isNaN(start) || Number.isNaN(end)) return json(res, 400, { message: "start and end are required" });
        const all = byCreated().filter((r) => r.createdAt >= start && r.createdAt <= end);
        const page = Number(q.get("page") ?? "1");
        const pages = Math.max(1, Math.ceil(all.length / size));
        return serve("helpscout", page, req, res, () =>
          json(res, 200, { results: all.slice((page - 1) * size, page * size).map(render.helpscout), page, pages, count: all.length }),
        );
      }
      const chatwoot = /^\/api\/v1\/accounts\/(\d+)\/csat_survey_responses$/.exec(url.pathname);
      if (req.method === "GET" && chatwoot) {
        if (chatwoot[1] !== FAKE_CREDENTIALS.accountId) return json(res, 404, { error: "Resource could not be found" });
        const since = Number(q.get("since") ?? "0") * 1000;
        const until = q.get("until") === null ? Infinity : Number(q.get("until")) * 1000;
        const all = byCreated().filter((r) => r.createdAt >= since && r.createdAt <= until);
        const page = Number(q.get("page") ?? "1");
        return serve("chatwoot", page, req, res, () => json(res, 200, all.slice((page - 1) * size, page * size).map(render.chatwoot)));
      }
      json(res, 404, { error: "Not found" });
    } catch (err) {
      json(res, 500, { error: (err as Error).message });
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
