import { z } from "zod";

// SCIM 2.0 User resources (RFC 7643 §4.1, enterprise extension §4.3) as Keeper stores people:
// userName is the email, one display name, a title, active, a manager and a team (department).

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export interface PersonRow {
  id: number;
  email: string;
  name: string;
  title: string;
  active: boolean;
  managerId: number | null;
  teamName: string | null;
  createdAt: number;
  updatedAt: number;
}

export type ScimUserDoc = Record<string, unknown> & {
  schemas: string[];
  id: string;
  meta: { resourceType: "User"; created: Date; lastModified: Date; location: string; version: string };
};

/**
 * Keeper keeps one display name; SCIM clients patch given and family names separately, so they
 * are offered as the first word and the rest, and a patch of one keeps the other.
 */
function splitName(name: string): { givenName: string; familyName: string } {
  const at = name.indexOf(" ");
  return at < 0 ? { givenName: name, familyName: "" } : { givenName: name.slice(0, at), familyName: name.slice(at + 1) };
}

/** The person as a SCIM User; `base` is the SCIM base URL ending in /scim/v2. */
export function toScimUser(p: PersonRow, base: string): ScimUserDoc {
  const enterprise: Record<string, unknown> = {};
  if (p.managerId !== null) enterprise.manager = { value: String(p.managerId), $ref: `${base}/Users/${p.managerId}` };
  if (p.teamName !== null) enterprise.department = p.teamName;
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: String(p.id),
    userName: p.email,
    name: { formatted: p.name, ...splitName(p.name) },
    displayName: p.name,
    title: p.title,
    active: p.active,
    emails: [{ value: p.email, type: "work", primary: true }],
    [ENTERPRISE_SCHEMA]: enterprise,
    meta: {
      resourceType: "User",
      created: new Date(p.createdAt),
      lastModified: new Date(p.updatedAt),
      location: `${base}/Users/${p.id}`,
      version: `W/"${p.updatedAt}"`,
    },
  };
}

/** JSON-ready: Dates as ISO strings (scim-patch works on Date objects in meta). */
export function scimUserJson(doc: ScimUserDoc): Record<string, unknown> {
  return { ...doc, meta: { ...doc.meta, created: doc.meta.created.toISOString(), lastModified: doc.meta.lastModified.toISOString() } };
}

/** What a request asks to change; undefined = leave as it is, null = clear. */
export interface UserChanges {
  email?: string;
  name?: string;
  title?: string;
  active?: boolean;
  managerScimId?: string | null;
  department?: string | null;
}

export class ScimInputError extends Error {
  /** RFC 7644 §3.12 scimType: invalidValue, invalidSyntax, invalidPath, noTarget, … */
  constructor(
    message: string,
    readonly scimType: string = "invalidValue",
  ) {
    super(message);
  }
}

const text = (max: number) => z.string().trim().max(max);
// Entra ID sends booleans as the strings "True"/"False".
const bool = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((v) => v.toLowerCase() === "true"),
]);

function get(doc: Record<string, unknown> | null, path: string[]): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The attribute as the request leaves it: undefined when it neither sets nor removes it. */
function attribute(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  path: string[],
): { set: true; value: unknown } | { set: false } {
  const now = get(after, path);
  if (now !== undefined) {
    if (before && JSON.stringify(get(before, path)) === JSON.stringify(now)) return { set: false };
    return { set: true, value: now };
  }
  // Removed by a PATCH (the attribute was there before): cleared.
  if (before && get(before, path) !== undefined) return { set: true, value: null };
  return { set: false };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ScimInputError(`${what}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

function joinName(doc: Record<string, unknown>): string | undefined {
  const given = get(doc, ["name", "givenName"]);
  const family = get(doc, ["name", "familyName"]);
  const joined = [given, family]
    .filter((v) => typeof v === "string" && v.trim())
    .join(" ")
    .trim();
  return joined || undefined;
}

/**
 * The changes a SCIM User document asks for. `before` is the stored user for a PATCH (so what the
 * operations changed, including removals, is what counts) and null for POST and PUT, where an
 * attribute the request leaves out is left as it is: an identity provider that does not send the
 * manager or department does not own them (docs/decisions/0019-sso-identity-matching.md).
 * The display name comes from displayName, else name.formatted, else givenName + familyName,
 * whichever the request changed.
 */
export function readUserChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): UserChanges {
  const changes: UserChanges = {};
  const userName = attribute(before, after, ["userName"]);
  if (userName.set)
    changes.email = parse(z.string().trim().toLowerCase().email("userName must be an email address").max(320), userName.value, "userName");

  const nameCandidates: [string[], () => unknown][] = [
    [["displayName"], () => get(after, ["displayName"])],
    [["name", "formatted"], () => get(after, ["name", "formatted"])],
    [["name", "givenName"], () => joinName(after)],
    [["name", "familyName"], () => joinName(after)],
  ];
  for (const [path, value] of nameCandidates) {
    const a = attribute(before, after, path);
    const v = value();
    if (a.set && typeof v === "string" && v.trim()) {
      changes.name = parse(text(200).min(1), v, "name");
      break;
    }
  }

  const title = attribute(before, after, ["title"]);
  if (title.set) changes.title = title.value === null ? "" : parse(text(200), title.value, "title");

  const active = attribute(before, after, ["active"]);
  if (active.set) changes.active = active.value === null ? false : parse(bool, active.value, "active");

  const manager = attribute(before, after, [ENTERPRISE_SCHEMA, "manager"]);
  if (manager.set) {
    const v = manager.value;
    // Entra ID sends the manager's id as a plain string; RFC 7643 as { value }.
    const id = v === null ? null : typeof v === "string" ? v : get(v as Record<string, unknown>, ["value"]);
    changes.managerScimId =
      id === null || id === undefined || id === "" ? null : parse(z.string().trim().min(1).max(40), id, "manager.value");
  }

  const department = attribute(before, after, [ENTERPRISE_SCHEMA, "department"]);
  if (department.set) {
    const v = department.value === null ? null : parse(text(100), department.value, "department");
    changes.department = v === "" ? null : v;
  }
  return changes;
}
