import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/demo-people";

/** Public by design: the demo logins are shown on the login page, only when the demo seed ran. */
export function demoLogins(): { accounts: readonly { email: string; who: string }[]; password: string } | null {
  const row = getDb().select().from(settings).where(eq(settings.key, "demo_seeded")).get();
  return row?.value === "true" ? { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } : null;
}
