import { openNotificationAction } from "@/app/(app)/notifications/actions";
import type { NotificationView } from "@/lib/dal/notifications";
import { formatDateTime } from "@/lib/format";

/** Each item is a small form: opening it marks it read and follows its link, with or without JavaScript. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  if (items.length === 0)
    return (
      <p className="text-sm text-slate-700">
        Nothing yet. You will hear here when a review is released, a check-in is asked or answered, or a review is due.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((n) => (
        <li key={n.id} className="py-3">
          <form action={openNotificationAction}>
            <input type="hidden" name="id" value={n.id} />
            <button type="submit" className="w-full text-left">
              <span className="flex flex-wrap items-center gap-2">
                {n.readAt === null && (
                  <span className="rounded-full bg-brand-700 px-2 text-xs font-semibold leading-5 text-white">New</span>
                )}
                <span
                  className={`text-brand-700 underline-offset-2 hover:underline ${n.readAt === null ? "font-semibold" : "font-medium"}`}
                >
                  {n.title}
                </span>
              </span>
              {n.body && <span className="mt-1 block text-sm text-slate-800">{n.body}</span>}
              <span className="mt-1 block text-xs text-slate-700">{formatDateTime(n.createdAt)}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
