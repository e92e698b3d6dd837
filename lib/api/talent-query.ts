import type { NextRequest } from "next/server";
import { QUARTER_KEY } from "@/lib/domain/quarter";

/** `?cycle=YYYY-Qn[&team=NAME]`, shared by the talent API and its CSV export; null without a well-formed cycle. */
export function talentQuery(request: NextRequest): { cycle: string; teamName?: string } | null {
  const params = request.nextUrl.searchParams;
  const cycle = params.get("cycle") ?? "";
  if (!QUARTER_KEY.test(cycle)) return null;
  const team = params.get("team");
  return { cycle, ...(team !== null ? { teamName: team } : {}) };
}
