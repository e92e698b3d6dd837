import type { NextRequest } from "next/server";
import { z } from "zod";
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "@/lib/api-contract/schemas";

/** Pages of list endpoints: `?limit=` (1–500, default 100) and an opaque `?cursor=` from `next`. */

export interface PageRequest {
  limit: number;
  /** The sort key of the last item of the previous page, or null for the first page. */
  after: string | number | null;
}

const limitSchema = z.coerce
  .number({ error: "limit must be a whole number" })
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(PAGE_LIMIT_MAX, `limit must be at most ${PAGE_LIMIT_MAX}`);

const cursorSchema = z.object({ after: z.union([z.string(), z.number()]) });

/** The cursor is base64url JSON so clients treat it as opaque and we can change what it holds. */
export function encodeCursor(after: string | number): string {
  return Buffer.from(JSON.stringify({ after })).toString("base64url");
}

function decodeCursor(cursor: string): string | number | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.after : null;
  } catch {
    return null;
  }
}

/** Parses `limit` and `cursor`; a typed message for the 400 when either is malformed. */
export function pageRequest(request: NextRequest): { ok: true; page: PageRequest } | { ok: false; message: string } {
  const params = request.nextUrl.searchParams;
  const rawLimit = params.get("limit");
  let limit = PAGE_LIMIT_DEFAULT;
  if (rawLimit !== null) {
    const parsed = limitSchema.safeParse(rawLimit);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "limit is invalid" };
    limit = parsed.data;
  }
  const rawCursor = params.get("cursor");
  if (rawCursor === null || rawCursor === "") return { ok: true, page: { limit, after: null } };
  const after = decodeCursor(rawCursor);
  if (after === null) return { ok: false, message: "cursor is not one this API gave out; start again without it" };
  return { ok: true, page: { limit, after } };
}

/**
 * The next page's address (the request's own path and query with the new cursor), or null on the
 * last page. Relative, so it stays right behind any proxy or host name. `items` holds up to
 * limit + 1 entries: the extra one only says another page exists.
 */
export function nextPage<T>(
  request: NextRequest,
  items: T[],
  limit: number,
  sortKey: (item: T) => string | number,
): { items: T[]; next: string | null } {
  if (items.length <= limit) return { items, next: null };
  const page = items.slice(0, limit);
  return { items: page, next: nextLink(request, sortKey(page[page.length - 1]), limit) };
}

/** The request's own path and query with the cursor after `after`. */
export function nextLink(request: NextRequest, after: string | number, limit: number): string {
  const url = new URL(request.nextUrl.toString());
  url.searchParams.set("cursor", encodeCursor(after));
  url.searchParams.set("limit", String(limit));
  return `${url.pathname}${url.search}`;
}
