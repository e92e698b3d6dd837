import { isIP } from "node:net";
import { hostname } from "node:os";
import nodemailer from "nodemailer";

/**
 * Hands queued mail to an SMTP relay with nodemailer (docs/decisions/0005-outbox-mail.md).
 * Configured by one URL: `smtp://user:pass@host:587?from=keeper@example.com` (STARTTLS when the
 * server offers it, required when a password would otherwise travel in clear) or `smtps://…:465`.
 */

export interface SmtpConfig {
  host: string;
  port: number;
  /** smtps:// connects with TLS from the first byte; smtp:// upgrades with STARTTLS. */
  implicitTls: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** For tests against a local server with a self-signed certificate only (`?tls_insecure=1`). */
  rejectUnauthorized: boolean;
  timeoutMs: number;
}

export interface MailMessage {
  id?: number;
  to: string;
  subject: string;
  body: string;
}

export type SendOutcome = { ok: true } | { ok: false; error: string };

const ADDRESS = /^[^\s<>@",;]+@[^\s<>@",;]+$/;

export function isMailAddress(value: string): boolean {
  return ADDRESS.test(value);
}

/** Parses SMTP_URL; throws a clear message on anything that is not smtp:// or smtps://. */
export function parseSmtpUrl(raw: string): SmtpConfig {
  const url = new URL(raw);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  if (!url.hostname) throw new Error("SMTP_URL has no host");
  const implicitTls = url.protocol === "smtps:";
  const from = url.searchParams.get("from") ?? `keeper@${hostname() || "localhost"}`;
  if (!isMailAddress(from)) throw new Error("SMTP_URL ?from= is not a mail address");
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    implicitTls,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    from,
    rejectUnauthorized: url.searchParams.get("tls_insecure") !== "1",
    timeoutMs: 30_000,
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
}

function describe(error: unknown, config: SmtpConfig): string {
  const e = error as { code?: string; message?: string };
  const message = (e.message ?? String(error)).replace(/\s+/g, " ").slice(0, 400);
  return e.code === "ECONNECTION" || e.code === "ESOCKET" || e.code === "ETIMEDOUT" || e.code === "ETLS"
    ? `could not connect to ${config.host}:${config.port}: ${message}`
    : message;
}

/** Sends each message over one pooled connection; one message's failure never stops the rest. */
export async function sendAll(config: SmtpConfig, messages: MailMessage[]): Promise<SendOutcome[]> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.implicitTls,
    // A password never crosses the network in clear, except to a relay on this machine.
    requireTLS: !config.implicitTls && config.password !== null && !isLoopback(config.host),
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    tls: { rejectUnauthorized: config.rejectUnauthorized },
    pool: true,
    maxConnections: 1,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  const outcomes: SendOutcome[] = [];
  try {
    for (const m of messages) {
      if (!isMailAddress(m.to)) {
        outcomes.push({ ok: false, error: `not a mail address: ${JSON.stringify(m.to.slice(0, 80))}` });
        continue;
      }
      try {
        await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.body });
        outcomes.push({ ok: true });
      } catch (error) {
        outcomes.push({ ok: false, error: describe(error, config) });
      }
    }
  } finally {
    transport.close();
  }
  return outcomes;
}
