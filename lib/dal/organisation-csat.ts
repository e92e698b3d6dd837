import "server-only";
import { getDb } from "@/db/client";
import { organisationCsatByQuarter } from "@/lib/csat/queries";
import type { CsatFigure } from "@/lib/domain/csat";
import { memoUntilTalentChange } from "./read-memo";

/**
 * The organisation's CSAT per quarter: the yardstick every CSAT panel compares an agent with, the
 * same for every viewer and naming nobody. Summing 10,000 agents' rollups costs ~2 ms a quarter on
 * every review form, so it is reused until the rollups change (read-memo.ts). Callers have verified
 * the session; the returned map is shared and must not be changed.
 */
export async function organisationCsatFigures(quarters: readonly string[]): Promise<ReadonlyMap<string, CsatFigure>> {
  return memoUntilTalentChange(getDb(), JSON.stringify(["organisation-csat", quarters]), async () => organisationCsatByQuarter(quarters));
}
