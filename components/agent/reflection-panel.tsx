import type { ReflectionView } from "@/lib/dal/reflections";
import { formatDateTime } from "@/lib/format";

/** The agent's self-reflection, shown to their manager beside the review form. */
export function ReflectionPanel({ firstName, reflection }: { firstName: string; reflection: ReflectionView | null }) {
  return (
    <section aria-labelledby="reflection-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="reflection-heading" className="font-semibold">
        {firstName}&apos;s self-reflection
      </h2>
      {reflection && (reflection.proudOf || reflection.growth) ? (
        <>
          <h3 className="mt-2 font-medium">Proud of</h3>
          <p className="whitespace-pre-wrap text-slate-800">{reflection.proudOf || "—"}</p>
          <h3 className="mt-2 font-medium">Wants to get better at</h3>
          <p className="whitespace-pre-wrap text-slate-800">{reflection.growth || "—"}</p>
          <p className="mt-2 text-slate-700">Updated {formatDateTime(reflection.updatedAt)}</p>
        </>
      ) : (
        <p className="text-slate-700">{firstName} has not written one for this cycle.</p>
      )}
    </section>
  );
}
