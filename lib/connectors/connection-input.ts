import { z } from "zod";
import { CONNECTORS } from "./registry";
import { CONNECTOR_SOURCES, type ConnectionConfig, type Credentials } from "./types";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The helpdesk's API root: https, or plain http on this machine only (tests, a local proxy), so
 * credentials never cross a network in clear. No query or fragment; no trailing slash.
 */
export function normaliseBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

const optionalText = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) => (v ? v : undefined));

export const connectionFields = z.object({
  name: z.string().trim().min(1, "Give the connection a name.").max(80, "Keep the name under 80 characters."),
  source: z.enum(CONNECTOR_SOURCES, { message: "Choose a helpdesk." }),
  baseUrl: z
    .string()
    .trim()
    .max(300)
    .transform((v, ctx) => {
      const url = normaliseBaseUrl(v);
      if (url === null) ctx.addIssue({ code: "custom", message: "Enter the helpdesk's https:// address, e.g. https://acme.zendesk.com." });
      return url ?? "";
    }),
  accountId: optionalText,
  email: optionalText,
  token: optionalText,
  appId: optionalText,
  appSecret: optionalText,
  intervalMinutes: z.coerce.number().int().min(5, "Sync at most every 5 minutes.").max(10_080, "Sync at least once a week.").default(60),
});
export type ConnectionFields = z.infer<typeof connectionFields>;

export const credentialsOf = (f: Pick<ConnectionFields, "email" | "token" | "appId" | "appSecret">): Credentials =>
  Object.fromEntries(
    Object.entries({ email: f.email, token: f.token, appId: f.appId, appSecret: f.appSecret }).filter(([, v]) => v !== undefined),
  );

export const hasCredentials = (c: Credentials) => Boolean(c.token || c.appId || c.appSecret || c.email);

/** What pages show instead of the secret: its last four characters at most. */
export function credentialHint(c: Credentials): string {
  const tail = (v: string) => (v.length >= 12 ? `…${v.slice(-4)}` : "…");
  if (c.token) return `${c.email ? `${c.email}, ` : ""}token ending ${tail(c.token)}`;
  if (c.appId) return `App ID ending ${tail(c.appId)}`;
  return "no credentials";
}

/** Null when the connection has what its helpdesk needs; otherwise the message for the form. */
export function missingForSource(config: ConnectionConfig): string | null {
  return CONNECTORS[config.source].missing(config);
}
