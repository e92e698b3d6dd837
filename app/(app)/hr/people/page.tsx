import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { getLeavers, type PersonSummary } from "@/lib/dal/departures";

export const metadata: Metadata = { title: "People and departures" };

function PersonLink({ p }: { p: PersonSummary }) {
  return (
    <Link href={`/hr/people/${p.id}`} className="font-medium text-brand-800 underline">
      {p.name}
    </Link>
  );
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const view = await getLeavers(query);
  if (!view) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">People and departures</h1>
      <Card title="Find someone">
        <form className="flex flex-wrap items-end gap-3" role="search">
          <div>
            <label htmlFor="people-q" className="block text-sm font-medium">
              Name or email
            </label>
            <input
              id="people-q"
              name="q"
              defaultValue={query}
              className="mt-1 w-72 max-w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <button type="submit" className="rounded-md border border-slate-400 px-3 py-2 text-sm font-medium hover:bg-slate-100">
            Search
          </button>
        </form>
        {view.matches &&
          (view.matches.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">Nobody matches “{query}”.</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {view.matches.map((p) => (
                <li key={p.id}>
                  <PersonLink p={p} />{" "}
                  <span className="text-slate-700">
                    {p.email} · {p.team ?? "no team"}
                  </span>{" "}
                  {!p.active && <Badge tone="slate">Left</Badge>}
                </li>
              ))}
            </ul>
          ))}
      </Card>
      <Card title={`Leavers awaiting details (${view.awaitingDetails.length})`}>
        <p className="mb-2 text-sm text-slate-700">
          Deactivated (by an import, SCIM or an admin) without a leave date, type or regret. The keeper-accuracy figures count them only
          once these are filled in.
        </p>
        {view.awaitingDetails.length === 0 ? (
          <p className="text-sm text-slate-700">None.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {view.awaitingDetails.map((p) => (
              <li key={p.id}>
                <PersonLink p={p} />{" "}
                <span className="text-slate-700">
                  {p.email} · {p.team ?? "no team"} · manager {p.manager ?? "none"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent departures">
        {view.recent.length === 0 ? (
          <p className="text-sm text-slate-700">None recorded.</p>
        ) : (
          <TableScroll>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-700">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Team
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Last day
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Type
                  </th>
                  <th scope="col" className="py-1">
                    Regretted
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.recent.map((p) => (
                  <tr key={p.id} className="border-t border-slate-100">
                    <td className="py-1 pr-3">
                      <PersonLink p={p} />
                    </td>
                    <td className="py-1 pr-3">{p.team ?? "—"}</td>
                    <td className="py-1 pr-3">{p.leftAt}</td>
                    <td className="py-1 pr-3">{p.leaveType === "voluntary" ? "Voluntary" : "Involuntary"}</td>
                    <td className="py-1">{p.regretted ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}
