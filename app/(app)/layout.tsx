import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { unreadNotificationCount } from "@/lib/dal/notifications";
import { canUseTalent, hasOwnWork, hasRole } from "@/lib/dal/policy";
import { verifySession } from "@/lib/dal/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await verifySession();
  const unread = await unreadNotificationCount();
  const links = [
    { href: "/", label: "Home" },
    // An agent's own side; HR and admins have no reviews or customers of their own here.
    ...(hasOwnWork(viewer)
      ? [
          { href: "/feedback", label: "My feedback" },
          { href: "/customers", label: "My customers" },
        ]
      : []),
    { href: "/checkins", label: "Check-ins" },
    ...(canUseTalent(viewer)
      ? [
          { href: "/talent", label: "Talent" },
          { href: "/follow-ups", label: "Follow-ups" },
        ]
      : []),
    ...(hasRole(viewer, "hr")
      ? [
          { href: "/hr/cycles", label: "Cycles" },
          { href: "/hr/people", label: "People" },
          { href: "/hr/import", label: "Import" },
          { href: "/hr/connections", label: "Connections" },
        ]
      : []),
    // Admins are not HR (docs/decisions/0012-admins-are-not-hr.md): the audit log, tokens, outbox.
    ...(hasRole(viewer, "hr") || hasRole(viewer, "admin") ? [{ href: "/hr/audit", label: "Audit" }] : []),
    ...(hasRole(viewer, "hr") || hasRole(viewer, "admin") ? [{ href: "/admin/tokens", label: "API tokens" }] : []),
    ...(hasRole(viewer, "admin") ? [{ href: "/admin/outbox", label: "Outbox" }] : []),
  ];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <Link href="/" className="text-lg font-bold tracking-tight text-brand-800">
              Keeper
            </Link>
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="py-1 text-sm font-medium text-slate-700 hover:text-slate-900">
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell unread={unread} />
            <span className="hidden text-slate-700 sm:inline">{viewer.name}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
