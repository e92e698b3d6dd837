import type { HttpOptions, HttpRequest } from "./http";

export const CONNECTOR_SOURCES = ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot"] as const;
export type ConnectorSource = (typeof CONNECTOR_SOURCES)[number];

/**
 * What a helpdesk needs to let us in, as each vendor documents it. Only these fields are ever
 * encrypted and stored; which ones a source requires is its connector's `credentialFields`.
 */
export type Credentials = {
  /** Zendesk: the agent's email for `{email}/token:{token}`. */
  email?: string;
  /** Zendesk API token, Freshdesk API key, Intercom / Help Scout access token, Chatwoot api_access_token. */
  token?: string;
  /** Help Scout OAuth2 client credentials (App ID and App Secret), instead of a token. */
  appId?: string;
  appSecret?: string;
};

export type ConnectionConfig = {
  source: ConnectorSource;
  /** Origin (and optional path prefix) without a trailing slash. */
  baseUrl: string;
  accountId: string | null;
  credentials: Credentials;
};

/** A page to fetch: what a resumed sync stores, so it carries no credentials (headers come later). */
export type PageRequest = { method: "GET" | "POST"; url: string; body?: string };

export interface Connector {
  source: ConnectorSource;
  label: string;
  /** The documented API root, offered in the form. */
  defaultBaseUrl: string | null;
  /** Ratings can change after they are created, but some APIs filter by creation time: re-read this far back. */
  lookbackMs: number;
  /** A message when the connection lacks something this helpdesk needs. */
  missing(config: ConnectionConfig): string | null;
  /** Request headers with the credentials (Help Scout first trades its client credentials for a token). */
  headers(config: ConnectionConfig, http: HttpOptions): Promise<Record<string, string>>;
  /** The first page of a pass over ratings changed since `since` (epoch ms; null: everything). */
  firstPage(config: ConnectionConfig, since: number | null, now: number): PageRequest;
  /** The page after `doc` (the current page's parsed JSON), or null at the end. */
  nextPage(config: ConnectionConfig, doc: unknown, current: PageRequest): PageRequest | null;
  /** How many rating records a page holds, for progress. */
  count(doc: unknown): number;
}

export const withHeaders = (page: PageRequest, headers: Record<string, string>): HttpRequest => ({ ...page, headers });

export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A URL on the connection's own base: a `next` link elsewhere would carry our credentials away. */
export function sameOrigin(config: ConnectionConfig, url: string): string {
  const base = new URL(config.baseUrl);
  const next = new URL(url, `${config.baseUrl}/`);
  if (next.origin !== base.origin) throw new Error(`The helpdesk pointed the next page at another site (${next.origin}); stopped.`);
  return next.toString();
}

export const epochSeconds = (ms: number) => Math.floor(ms / 1000);
export const DAY = 86_400_000;
