import { Badge } from "@/components/ui/badge";
import type { CsatComment } from "@/lib/csat/queries";
import { formatDate } from "@/lib/format";

/** The viewer's own customers' words, newest first. */
export function CommentList({ comments, filtered }: { comments: CsatComment[]; filtered: boolean }) {
  if (comments.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {filtered ? "No comments match these filters." : "None of your customers has left a comment yet."}
      </p>
    );
  }
  return (
    <ul aria-label="Your customers' comments" className="divide-y divide-slate-100">
      {comments.map((c) => (
        <li key={c.id} className="py-3">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={c.satisfied ? "green" : "red"}>{c.satisfied ? "Satisfied" : "Not satisfied"}</Badge>
            <span>
              {formatDate(c.ratedAt)}
              {c.channel ? ` · ${c.channel}` : ""}
              {c.ticketRef ? ` · ticket ${c.ticketRef}` : ""}
            </span>
          </p>
          <blockquote className="mt-1 whitespace-pre-wrap text-slate-900">“{c.comment}”</blockquote>
        </li>
      ))}
    </ul>
  );
}
