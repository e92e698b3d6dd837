import "server-only";
import { and, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { blockedUntil, THROTTLE_MAX_FAILURES, THROTTLE_WINDOW_MS, throttleKeys } from "@/lib/domain/throttle";

/** When sign-in is blocked for this account or address, the time it lifts; otherwise null. */
export async function signInBlockedUntil(email: string, clientAddress: string | null, now = Date.now()): Promise<number | null> {
  const keys = throttleKeys(email, clientAddress);
  let until: number | null = null;
  for (const key of keys) {
    // Indexed on (key, at); only the newest few failures inside the window matter.
    const times = (
      await getDb()
        .select({ at: signInAttempts.at })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.key, key), eq(signInAttempts.ok, false), gt(signInAttempts.at, now - THROTTLE_WINDOW_MS)))
        .orderBy(desc(signInAttempts.at))
        .limit(THROTTLE_MAX_FAILURES)
    ).map((r) => r.at);
    const blocked = blockedUntil(times, now);
    if (blocked !== null && (until === null || blocked > until)) until = blocked;
  }
  return until;
}

export async function recordSignInAttempt(email: string, clientAddress: string | null, ok: boolean, now = Date.now()): Promise<void> {
  const db = getDb();
  for (const key of throttleKeys(email, clientAddress)) await db.insert(signInAttempts).values({ key, at: now, ok });
  // Keep the table small: attempts older than a day never matter again.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, now - 86_400_000));
}
