import { json, withViewer } from "@/lib/api/respond";
import { listMyNotifications } from "@/lib/dal/notifications";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The caller's own notifications, newest first. */
export function GET(request: Request) {
  return withViewer(request, async () => {
    const items = await listMyNotifications(100);
    return json({
      unread: items.filter((n) => n.readAt === null).length,
      notifications: items.map((n) => ({ ...n, createdAt: iso(n.createdAt), readAt: iso(n.readAt) })),
    });
  });
}
