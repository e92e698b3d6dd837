import { json, withViewer } from "@/lib/api/respond";

export function GET(request: Request) {
  return withViewer(request, async (v) =>
    json({ id: v.id, email: v.email, name: v.name, role: v.role, isHr: v.isHr, isAdmin: v.isAdmin, hasReports: v.hasReports }),
  );
}
