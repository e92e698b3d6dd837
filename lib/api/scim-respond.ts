import { NextResponse } from "next/server";
import { scimClient, type ScimClient } from "@/lib/dal/scim-client";
import type { ScimOutcome } from "@/lib/dal/scim-users";

const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const HEADERS = { "Content-Type": "application/scim+json; charset=utf-8", "Cache-Control": "no-store" };

export function scimJson(body: unknown, status = 200, extra: Record<string, string> = {}): NextResponse {
  if (status === 204) return new NextResponse(null, { status, headers: { "Cache-Control": "no-store" } });
  return new NextResponse(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
}

/** Every SCIM error has the RFC 7644 §3.12 shape, status as a string. */
export function scimError(status: number, detail: string, scimType?: string): NextResponse {
  return scimJson(
    { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail },
    status,
    status === 401 ? { "WWW-Authenticate": 'Bearer realm="keeper-scim"' } : {},
  );
}

export function scimOutcome(outcome: ScimOutcome): NextResponse {
  if (!outcome.ok) return scimError(outcome.status, outcome.detail, outcome.scimType);
  return scimJson(outcome.body, outcome.status, outcome.location ? { Location: outcome.location } : {});
}

/** The SCIM base URL (…/scim/v2) as this request reached it, for meta.location. */
export function scimBase(request: Request): string {
  const configured = process.env.APP_URL?.replace(/\/+$/, "");
  return `${configured || new URL(request.url).origin}/scim/v2`;
}

/** Reads a JSON body (SCIM clients send application/scim+json); null when it is not JSON. */
export async function scimBody(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text());
  } catch {
    return undefined;
  }
}

/**
 * Runs a SCIM handler for the token's client: 401 in SCIM's error format without a live `scim`
 * token (a session cookie or another scope is no credential here); unexpected failures are logged
 * and answered with a SCIM 500.
 */
export async function withScimClient(
  request: Request,
  handler: (client: ScimClient, base: string) => Promise<NextResponse> | NextResponse,
): Promise<NextResponse> {
  const client = await scimClient(request);
  // Not audited: anyone can send a wrong token, and the log is no place for their volume.
  if (!client) {
    return scimError(401, "A Keeper API token with the scim scope is required (Authorization: Bearer …).");
  }
  try {
    return await handler(client, scimBase(request));
  } catch (error) {
    console.error("SCIM handler failed", { tokenId: client.tokenId, method: request.method, path: new URL(request.url).pathname, error });
    return scimError(500, "Internal error; nothing was changed.");
  }
}

/** For the methods a SCIM endpoint does not have: a SCIM 405 (after authentication, like the rest). */
export function scimMethodNotAllowed(request: Request): Promise<NextResponse> {
  return withScimClient(request, () => scimError(405, `${request.method} is not supported on ${new URL(request.url).pathname}.`));
}
