import { parse, type Filter } from "scim2-parse-filter";

/** What a Users list may be filtered by: `userName eq "…"`, the query Okta and Entra ID send. */
export type UserFilter = { userName: string } | null;

export class ScimFilterError extends Error {}

/**
 * Parses `filter` with scim2-parse-filter and accepts the one form Keeper answers: userName eq
 * "value" (attribute names are case-insensitive, RFC 7644 §3.4.2.2). Anything else is refused with
 * a message rather than answered wrongly.
 */
export function parseUserFilter(filter: string | null): UserFilter {
  if (filter === null || filter.trim() === "") return null;
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch {
    throw new ScimFilterError(`The filter could not be parsed: ${filter}`);
  }
  const attr = "attrPath" in ast ? ast.attrPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, "").toLowerCase() : "";
  if (ast.op === "eq" && attr === "username" && "compValue" in ast && typeof ast.compValue === "string") {
    return { userName: ast.compValue.trim().toLowerCase() };
  }
  throw new ScimFilterError('Only filter=userName eq "…" is supported.');
}
