import type { NextRequest } from "next/server";
import { badRequest, json, notFound, withViewer } from "@/lib/api/respond";
import { getEmployeeCsat } from "@/lib/dal/csat";
import { QUARTER_KEY, quarterOf } from "@/lib/domain/quarter";

export function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return withViewer(request, async () => {
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id <= 0) return notFound();
    const quarter = request.nextUrl.searchParams.get("quarter") ?? quarterOf(Date.now());
    if (!QUARTER_KEY.test(quarter)) return badRequest("Pass ?quarter=YYYY-Qn.");
    const csat = await getEmployeeCsat(id, quarter, { commentLimit: 20 });
    if (!csat) return notFound();
    const { figure, organisation } = csat;
    return json({
      employee: csat.employee,
      quarter,
      responses: figure.responses,
      satisfied: figure.satisfied,
      csat: figure.csat,
      ci95: figure.ci95,
      tooFewResponses: figure.tooFew,
      organisation: {
        responses: organisation.responses,
        satisfied: organisation.satisfied,
        csat: organisation.csat,
        ci95: organisation.ci95,
      },
      trend: csat.trend.map((t) => ({ quarter: t.quarter, responses: t.responses, satisfied: t.satisfied, csat: t.csat, ci95: t.ci95 })),
      comments: csat.comments.map((c) => ({
        ratedAt: new Date(c.ratedAt).toISOString(),
        satisfied: c.satisfied,
        channel: c.channel,
        comment: c.comment,
      })),
    });
  });
}
