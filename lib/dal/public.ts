import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { DEMO_SIGN_INS_SETTING } from "@/db/settings-keys";

const demoSignIns = z.object({ accounts: z.array(z.object({ email: z.string(), who: z.string() })), password: z.string() });

/**
 * Public by design: the demo sign-ins are shown on the login page, only when the demo seed ran
 * (it stores them in `settings`, so no production code imports seed data).
 */
export async function demoLogins(): Promise<{ accounts: readonly { email: string; who: string }[]; password: string } | null> {
  const row = (await getDb().select().from(settings).where(eq(settings.key, DEMO_SIGN_INS_SETTING)))[0];
  if (!row) return null;
  const parsed = demoSignIns.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}
