import type { CommentFilter } from "@/lib/dal/my-csat";

/** A plain GET form: filtering works without JavaScript and every filter is a shareable URL. */
export function CommentFilterForm({ filter, quarters }: { filter: CommentFilter; quarters: string[] }) {
  return (
    <form
      method="get"
      action="/customers"
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
      role="search"
      aria-label="Filter your customer comments"
    >
      <div>
        <label htmlFor="comment-search" className="block text-sm font-medium">
          Search comments
        </label>
        <input
          id="comment-search"
          name="search"
          type="search"
          defaultValue={filter.search ?? ""}
          maxLength={100}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="comment-quarter" className="block text-sm font-medium">
          Quarter
        </label>
        <select
          id="comment-quarter"
          name="quarter"
          defaultValue={filter.quarter ?? ""}
          className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">All quarters</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="comment-sentiment" className="block text-sm font-medium">
          Rating
        </label>
        <select
          id="comment-sentiment"
          name="sentiment"
          defaultValue={filter.sentiment ?? ""}
          className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <option value="">All</option>
          <option value="positive">Satisfied</option>
          <option value="negative">Not satisfied</option>
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Filter
      </button>
    </form>
  );
}
