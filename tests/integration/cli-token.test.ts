import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { row } from "@/db/raw";
import { beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/api-token-mint";
import { useFreshDb } from "../helpers/db";
import { seedDemoFast } from "../helpers/demo";

const KEEPER = join(process.cwd(), "bin", "keeper");
const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

function keeper(args: string[]) {
  return spawnSync(process.execPath, [KEEPER, "token", "create", ...args], {
    env: { ...process.env, DATABASE_URL: ctx.url },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("keeper token create", () => {
  it("prints a scim token once on stdout, stores only its hash, owned by the first active admin, and audits it", async () => {
    const run = keeper(["--scope", "scim", "--name", "Okta provisioning"]);
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^kpr_[A-Za-z0-9_-]{40,}$/);
    expect(run.stderr).toContain("owned by admin@demo.keeper.test");
    // Read through the test's own connection: the CLI wrote in another process.
    const stored = await row(
      ctx.db,
      sql`select t.scope, t.name, t.token_hash, e.email from api_tokens t join employees e on e.id = t.created_by`,
    );
    expect(stored).toEqual({ scope: "scim", name: "Okta provisioning", token_hash: hashToken(token), email: "admin@demo.keeper.test" });
    const [audit] = await ctx.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, "api_token.create"));
    expect(audit).toMatchObject({ detail: { via: "cli" } });
  });

  it("refuses a wrong scope, a missing name, an owner who may not hold the scope; HR owns read tokens", { timeout: 120_000 }, () => {
    expect(keeper(["--scope", "write", "--name", "x"]).status).toBe(2);
    expect(keeper(["--scope", "read"]).status).toBe(2);
    const hrScim = keeper(["--scope", "scim", "--name", "x", "--by", "hr@demo.keeper.test"]);
    expect(hrScim.status).toBe(1);
    expect(hrScim.stderr).toContain("not an active admin");
    const agent = keeper(["--scope", "read", "--name", "x", "--by", "ava@demo.keeper.test"]);
    expect(agent.status).toBe(1);
    expect(agent.stderr).toContain("not an active HR person or admin");
    const hrRead = keeper(["--scope", "read", "--name", "HRIS", "--by", "hr@demo.keeper.test"]);
    expect(hrRead.status).toBe(0);
    expect(hrRead.stderr).toContain("owned by hr@demo.keeper.test");
    expect(keeper(["--scope", "import", "--name", "x", "--by", "ADMIN@demo.keeper.test", "--days", "7"]).status).toBe(0);
  });
});
