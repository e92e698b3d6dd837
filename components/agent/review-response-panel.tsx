import type { ReviewResponse } from "@/lib/dal/feedback";
import { formatDateTime } from "@/lib/format";

/** What the agent did with their released review, for the manager and HR. */
export function ReviewResponsePanel({ firstName, response }: { firstName: string; response: ReviewResponse }) {
  return (
    <section aria-labelledby="response-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="response-heading" className="font-semibold">
        {firstName}&apos;s response
      </h2>
      <p className="text-slate-700">
        {response.acknowledgedAt ? `Acknowledged ${formatDateTime(response.acknowledgedAt)}` : "Not acknowledged yet."}
      </p>
      {response.agentReply !== null ? (
        <>
          <h3 className="mt-2 font-medium">Reply · {formatDateTime(response.repliedAt)}</h3>
          <p className="whitespace-pre-wrap text-slate-800">{response.agentReply}</p>
        </>
      ) : (
        <p className="text-slate-700">No reply.</p>
      )}
    </section>
  );
}
