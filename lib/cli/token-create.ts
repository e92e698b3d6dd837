import { parseArgs } from "node:util";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { employees } from "@/db/schema";
import { mintApiToken, TOKEN_SCOPES } from "@/lib/auth/api-token-mint";

const USAGE = "Usage: keeper token create --scope read|import|scim --name NAME [--by ADMIN_EMAIL] [--days 1-365 (default 90)]";

const options = z.object({
  scope: z.enum(TOKEN_SCOPES, { message: `--scope must be one of ${TOKEN_SCOPES.join(", ")}` }),
  name: z.string().trim().min(1, "--name is required: name the token after what will use it").max(100),
  by: z.string().trim().toLowerCase().optional(),
  days: z.coerce.number().int().min(1, "--days must be 1 to 365").max(365, "--days must be 1 to 365").default(90),
});

/**
 * A token acts as its owner and dies when the owner may no longer hold its scope (HR or admin for
 * `read`/`import`, admin for `scim`; lib/dal/policy.ts tokenScopesFor), so the CLI needs an owner:
 * `--by` names one; without it the longest-serving active admin (lowest id) owns it, right for a
 * `scim` token on the usual single-admin install. People data (`read`) wants an HR owner, since
 * admins are not HR (docs/decisions/0012-admins-are-not-hr.md).
 */
async function owner(by: string | undefined, scope: string): Promise<{ id: number; email: string } | string> {
  const db = getDb();
  const roles = by && scope !== "scim" ? ["hr", "admin"] : ["admin"];
  const base = and(eq(employees.active, true), inArray(employees.role, roles as ("hr" | "admin")[]));
  const where = by ? and(sql`lower(${employees.email}) = ${by}`, base) : base;
  const row = (await db.select({ id: employees.id, email: employees.email }).from(employees).where(where).orderBy(asc(employees.id)))[0];
  if (row) return row;
  if (!by) return "There is no active admin to own the token. Create one first (keeper org import), or name an HR owner with --by.";
  return scope === "scim"
    ? `${by} is not an active admin; scim tokens belong to admins.`
    : `${by} is not an active HR person or admin; a token acts as its owner, so its owner must be one.`;
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: { scope: { type: "string" }, name: { type: "string" }, by: { type: "string" }, days: { type: "string" } },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = options.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${USAGE}`);
    return 2;
  }
  const found = await owner(parsed.data.by, parsed.data.scope);
  if (typeof found === "string") {
    console.error(found);
    return 1;
  }
  const { scope, name, days } = parsed.data;
  const { token } = await writeTx(async (db) => mintApiToken(db, { name, scope, expiresInDays: days, createdBy: found.id, via: "cli" }));
  console.error(`Created ${scope} token "${name}", owned by ${found.email}, valid for ${days} days. It is shown only this once:`);
  console.log(token);
  return 0;
}
