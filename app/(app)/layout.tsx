import Link from "next/link";
import { verifySession } from "@/lib/dal/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await verifySession();
  const links = [
    { href: "/", label: "Home" },
    ...(viewer.isHr ? [{ href: "/hr/cycles", label: "Cycles" }, { href: "/hr/audit", label: "Audit" }] : []),
    ...(viewer.isAdmin ? [{ href: "/admin/tokens", label: "API tokens" }] : []),
  ];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">Skip to content</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Main" className="flex items-center gap-5">
            <Link href="/" className="text-lg font-bold tracking-tight text-brand-800">Keeper</Link>
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="text-sm font-medium text-slate-700 hover:text-slate-900">{l.label}</Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">{viewer.name}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">Sign out</button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
