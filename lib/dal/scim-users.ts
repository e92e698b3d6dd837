import "server-only";
import { and, asc, count as countRows, eq, isNull } from "drizzle-orm";
import { getDb, writeTx, type Db } from "@/db/client";
import { apiTokens, employees, teams } from "@/db/schema";
import { findReportingLoops } from "@/lib/importers/org/reporting-loops";
import { listResponse, MAX_PAGE } from "@/lib/scim/discovery";
import { parseUserFilter, ScimFilterError } from "@/lib/scim/filter";
import { applyPatch } from "@/lib/scim/patch";
import { readUserChanges, ScimInputError, scimUserJson, toScimUser, type PersonRow, type UserChanges } from "@/lib/scim/user-doc";
import { recordAudit } from "./audit";
import type { ScimClient } from "./scim-client";

export type ScimOutcome =
  { ok: true; status: number; body: unknown; location?: string } | { ok: false; status: number; scimType?: string; detail: string };

const fail = (status: number, detail: string, scimType?: string): ScimOutcome => ({ ok: false, status, detail, scimType });

const personColumns = {
  id: employees.id,
  email: employees.email,
  name: employees.name,
  title: employees.title,
  active: employees.active,
  managerId: employees.managerId,
  teamName: teams.name,
  createdAt: employees.createdAt,
  updatedAt: employees.updatedAt,
};

async function person(db: Db, id: number): Promise<PersonRow | undefined> {
  return (await db.select(personColumns).from(employees).leftJoin(teams, eq(teams.id, employees.teamId)).where(eq(employees.id, id)))[0];
}

function scimId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

/** GET /Users: everyone (active or not), filtered by userName, paged from 1 (RFC 7644 §3.4.2.4). */
export async function listScimUsers(base: string, params: URLSearchParams): Promise<ScimOutcome> {
  let filter;
  try {
    filter = parseUserFilter(params.get("filter"));
  } catch (error) {
    if (error instanceof ScimFilterError) return fail(400, error.message, "invalidFilter");
    throw error;
  }
  const startIndex = Math.max(1, Number.parseInt(params.get("startIndex") ?? "1", 10) || 1);
  const requested = Number.parseInt(params.get("count") ?? String(MAX_PAGE), 10);
  const count = Math.min(MAX_PAGE, Math.max(0, Number.isNaN(requested) ? MAX_PAGE : requested));
  const where = filter ? eq(employees.email, filter.userName) : undefined;
  const db = getDb();
  const total = (await db.select({ n: countRows() }).from(employees).where(where))[0]!.n;
  const rows =
    count === 0
      ? []
      : await db
          .select(personColumns)
          .from(employees)
          .leftJoin(teams, eq(teams.id, employees.teamId))
          .where(where)
          .orderBy(asc(employees.id))
          .limit(count)
          .offset(startIndex - 1);
  return {
    ok: true,
    status: 200,
    body: listResponse(
      rows.map((r) => scimUserJson(toScimUser(r, base))),
      total,
      startIndex,
    ),
  };
}

export async function getScimUser(base: string, rawId: string): Promise<ScimOutcome> {
  const id = scimId(rawId);
  const row = id === null ? undefined : await person(getDb(), id);
  return row ? { ok: true, status: 200, body: scimUserJson(toScimUser(row, base)) } : fail(404, `No user with id ${rawId}.`);
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new ScimInputError("The body must be a JSON object.", "invalidSyntax");
  return body as Record<string, unknown>;
}

/** POST /Users: a new person (an agent until Keeper says otherwise), or 409 when the userName exists. */
export async function createScimUser(client: ScimClient, base: string, body: unknown): Promise<ScimOutcome> {
  return run(async () => {
    const changes = readUserChanges(null, asObject(body));
    if (!changes.email) throw new ScimInputError("userName (the person's email) is required.");
    return writeTx(async (db) => {
      if ((await db.select({ id: employees.id }).from(employees).where(eq(employees.email, changes.email!)))[0]) {
        return fail(409, `A user with userName ${changes.email} already exists.`, "uniqueness");
      }
      const now = Date.now();
      const created = (
        await db
          .insert(employees)
          .values({
            email: changes.email!,
            name: changes.name ?? changes.email!,
            title: changes.title ?? "",
            active: changes.active ?? true,
            role: "agent",
            passwordHash: null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: employees.id })
      )[0];
      const { managerScimId, department } = changes;
      const outcome = await applyChanges(db, client, created.id, { managerScimId, department }, "created");
      if (outcome) throw new RollBack(outcome);
      await recordAudit({
        actorId: client.actorId,
        action: "scim.user.create",
        targetType: "employee",
        targetId: created.id,
        detail: { tokenId: client.tokenId, email: changes.email, active: changes.active ?? true, managerScimId, department },
      });
      const row = (await person(db, created.id))!;
      return {
        ok: true,
        status: 201,
        body: scimUserJson(toScimUser(row, base)),
        location: `${base}/Users/${row.id}`,
      } satisfies ScimOutcome;
    });
  });
}

/** PUT /Users/{id}: replaces what the request names; attributes it leaves out stay as they are. */
export async function replaceScimUser(client: ScimClient, base: string, rawId: string, body: unknown): Promise<ScimOutcome> {
  return update(client, base, rawId, () => readUserChanges(null, asObject(body)));
}

/** PATCH /Users/{id}: RFC 7644 §3.5.2 operations, applied with scim-patch to the stored user. */
export async function patchScimUser(client: ScimClient, base: string, rawId: string, body: unknown): Promise<ScimOutcome> {
  return update(client, base, rawId, (before) => {
    const doc = toScimUser(before, base);
    return readUserChanges(doc, applyPatch(doc, body));
  });
}

/**
 * DELETE /Users/{id}: Keeper never deletes a person (their reviews and CSAT are the organisation's
 * record), so this deactivates them, exactly as `active: false` does.
 */
export async function deleteScimUser(client: ScimClient, base: string, rawId: string): Promise<ScimOutcome> {
  const outcome = await update(client, base, rawId, () => ({ active: false }));
  return outcome.ok ? { ok: true, status: 204, body: null } : outcome;
}

class RollBack extends Error {
  constructor(readonly outcome: ScimOutcome) {
    super(outcome.ok ? "rollback" : outcome.detail);
  }
}

/** Runs a change, turning bad input into SCIM 400s and a refused step into a rolled-back transaction. */
async function run(fn: () => Promise<ScimOutcome> | ScimOutcome): Promise<ScimOutcome> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ScimInputError) return fail(400, error.message, error.scimType);
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

async function update(
  client: ScimClient,
  base: string,
  rawId: string,
  changesFor: (before: PersonRow) => UserChanges,
): Promise<ScimOutcome> {
  const id = scimId(rawId);
  if (id === null) return fail(404, `No user with id ${rawId}.`);
  return run(async () => {
    // Read outside the lock: parsing and patching never hold it. The write re-reads.
    const before = await person(getDb(), id);
    if (!before) return fail(404, `No user with id ${rawId}.`);
    const changes = changesFor(before);
    return writeTx(async (db) => {
      const outcome = await applyChanges(db, client, id, changes, "updated");
      if (outcome) throw new RollBack(outcome);
      return { ok: true, status: 200, body: scimUserJson(toScimUser((await person(db, id))!, base)) } satisfies ScimOutcome;
    });
  });
}

/**
 * Writes what differs from the stored person, inside the caller's write transaction; nothing at
 * all (no write, no audit, no talent-version bump) when the request repeats what is stored.
 * Returns a refusal, or null when done.
 */
async function applyChanges(
  db: Db,
  client: ScimClient,
  id: number,
  changes: UserChanges,
  kind: "created" | "updated",
): Promise<ScimOutcome | null> {
  const current = (
    await db
      .select({
        email: employees.email,
        name: employees.name,
        title: employees.title,
        active: employees.active,
        managerId: employees.managerId,
        teamId: employees.teamId,
      })
      .from(employees)
      .where(eq(employees.id, id))
  )[0]!;
  const set: Partial<typeof current> = {};
  const diff: Record<string, [unknown, unknown]> = {};
  const note = <K extends keyof typeof current>(key: K, value: (typeof current)[K]) => {
    if (value === current[key]) return;
    set[key] = value;
    diff[key] = [current[key], value];
  };

  if (changes.email !== undefined && changes.email !== current.email) {
    if ((await db.select({ id: employees.id }).from(employees).where(eq(employees.email, changes.email)))[0]) {
      return fail(409, `Another user already has userName ${changes.email}.`, "uniqueness");
    }
    note("email", changes.email);
  }
  if (changes.name !== undefined) note("name", changes.name);
  if (changes.title !== undefined) note("title", changes.title);
  if (changes.active !== undefined) note("active", changes.active);

  if (changes.managerScimId !== undefined) {
    const managerId = changes.managerScimId === null ? null : scimId(changes.managerScimId);
    if (
      changes.managerScimId !== null &&
      (managerId === null || !(await db.select({ id: employees.id }).from(employees).where(eq(employees.id, managerId)))[0])
    ) {
      return fail(400, `manager.value ${changes.managerScimId} is not the id of a user.`, "invalidValue");
    }
    if (managerId !== current.managerId) {
      const loop = await reportingLoop(db, id, managerId);
      if (loop) return fail(400, `This manager would make a reporting loop: ${loop.join(" → ")} → ${loop[0]}.`, "invalidValue");
      note("managerId", managerId);
    }
  }

  if (changes.department !== undefined) {
    let teamId: number | null = null;
    if (changes.department !== null) {
      teamId = (await db.select({ id: teams.id }).from(teams).where(eq(teams.name, changes.department)))[0]?.id ?? null;
      if (teamId === null) {
        teamId = (await db.insert(teams).values({ name: changes.department }).returning({ id: teams.id }))[0].id;
        await recordAudit({
          actorId: client.actorId,
          action: "scim.team.create",
          targetType: "team",
          targetId: teamId,
          detail: { tokenId: client.tokenId, name: changes.department },
        });
      }
    }
    note("teamId", teamId);
  }

  if (Object.keys(set).length === 0) return null;
  await db
    .update(employees)
    .set({ ...set, updatedAt: Date.now() })
    .where(eq(employees.id, id));
  if (set.active === false) {
    // Their sessions end with the next request (every request re-reads `active`); their own API
    // tokens are revoked outright, so reactivating them later does not revive the tokens.
    await db
      .update(apiTokens)
      .set({ revokedAt: Date.now() })
      .where(and(eq(apiTokens.createdBy, id), isNull(apiTokens.revokedAt)));
  }
  if (kind === "updated") {
    const action = set.active === false ? "scim.user.deactivate" : set.active === true ? "scim.user.reactivate" : "scim.user.update";
    await recordAudit({
      actorId: client.actorId,
      action,
      targetType: "employee",
      targetId: id,
      detail: { tokenId: client.tokenId, changes: diff },
    });
  }
  return null;
}

/** The reporting loop that making `managerId` the manager of `id` would close, as emails; null if none. */
async function reportingLoop(db: Db, id: number, managerId: number | null): Promise<string[] | null> {
  if (managerId === null) return null;
  const emailOf = new Map<number, string>();
  const idOf = new Map<string, number>();
  const lookup = async (employeeId: number): Promise<string> => {
    let email = emailOf.get(employeeId);
    if (email === undefined) {
      email = (await db.select({ email: employees.email }).from(employees).where(eq(employees.id, employeeId)))[0]!.email;
      emailOf.set(employeeId, email);
      idOf.set(email, employeeId);
    }
    return email;
  };
  const start = await lookup(id);
  const managerOf = async (email: string): Promise<string | null> => {
    const who = idOf.get(email)!;
    const next =
      who === id ? managerId : ((await db.select({ m: employees.managerId }).from(employees).where(eq(employees.id, who)))[0]?.m ?? null);
    return next === null ? null : await lookup(next);
  };
  // Walk the chain first (each step is a query), then look for the loop in memory.
  const chain = new Map<string, string | null>();
  for (let at: string | null = start; at !== null && !chain.has(at);) {
    const next = await managerOf(at);
    chain.set(at, next);
    at = next;
  }
  const loops = findReportingLoops((email) => chain.get(email) ?? null, [start]);
  return loops.find((loop) => loop.includes(start)) ?? null;
}
