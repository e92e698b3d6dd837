import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listMyNotifications } from "@/lib/dal/notifications";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const items = await listMyNotifications(100);
  const unread = items.filter((n) => n.readAt === null).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <Button type="submit" variant="secondary">
              Mark all as read
            </Button>
          </form>
        )}
      </div>
      <Card>
        <NotificationList items={items} />
      </Card>
    </div>
  );
}
