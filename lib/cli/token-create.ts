import { parseArgs } from "node:util";
import { and, asc, eq, sql } from "drizzle-orm";
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
 * A token acts as the admin who owns it and dies with their admin rights, so the CLI needs an
 * owner: `--by` names an active admin; without it the longest-serving active admin (lowest id)
 * owns it, which is right for the usual single-admin install. See docs/decisions/0011-sso-identity-matching.md.
 */
function owner(by: string | undefined): { id: number; email: string } | string {
  const db = getDb();
  const where = by ? and(sql`lower(${employees.email}) = ${by}`, eq(employees.active, true), eq(employees.role, "admin")) : and(eq(employees.active, true), eq(employees.role, "admin"));
  const row = db.select({ id: employees.id, email: employees.email }).from(employees).where(where).orderBy(asc(employees.id)).get();
  if (row) return row;
  return by ? `${by} is not an active admin; a token acts as its owner, so its owner must be one.` : "There is no active admin to own the token. Create one first (keeper org import).";
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args, options: { scope: { type: "string" }, name: { type: "string" }, by: { type: "string" }, days: { type: "string" } }, strict: true }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = options.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${USAGE}`);
    return 2;
  }
  const found = owner(parsed.data.by);
  if (typeof found === "string") {
    console.error(found);
    return 1;
  }
  const { scope, name, days } = parsed.data;
  const { token } = writeTx((db) => mintApiToken(db, { name, scope, expiresInDays: days, createdBy: found.id, via: "cli" }));
  console.error(`Created ${scope} token "${name}", owned by ${found.email}, valid for ${days} days. It is shown only this once:`);
  console.log(token);
  return 0;
}
