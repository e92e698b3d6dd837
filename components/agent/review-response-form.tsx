"use client";

import { useActionState, useState } from "react";
import { acknowledgeAction, replyAction } from "@/app/(app)/feedback/actions";
import { Button } from "@/components/ui/button";
import type { FeedbackResult } from "@/lib/dal/feedback";
import { formatDateTime } from "@/lib/format";

function Message({ id, state }: { id: string; state: FeedbackResult | null }) {
  if (!state) return null;
  return (
    <p
      id={id}
      role={state.ok ? "status" : "alert"}
      className={`mt-2 text-sm ${state.ok ? "text-emerald-800" : "font-medium text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

/** The agent's side of a released review: acknowledge it, and reply once. */
export function ReviewResponseForm(props: {
  cycleKey: string;
  managerName: string;
  acknowledgedAt: number | null;
  reply: string | null;
  repliedAt: number | null;
  canAcknowledge: boolean;
  canReply: boolean;
}) {
  const [ackState, ack, acking] = useActionState<FeedbackResult | null, FormData>(acknowledgeAction, null);
  const [replyState, send, sending] = useActionState<FeedbackResult | null, FormData>(replyAction, null);
  // Controlled, so React's reset of the form after the action never wipes what was typed.
  const [reply, setReply] = useState("");
  const manager = props.managerName.split(/\s+/)[0];
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">Acknowledgement</h3>
        {props.acknowledgedAt ? (
          <p className="text-sm text-slate-700">You acknowledged this review on {formatDateTime(props.acknowledgedAt)}.</p>
        ) : props.canAcknowledge ? (
          <form action={ack} className="mt-1">
            <input type="hidden" name="cycleKey" value={props.cycleKey} />
            <p className="mb-2 text-sm text-slate-700">Let {manager} and HR know you have read it. It does not mean you agree.</p>
            <Button type="submit" disabled={acking}>
              {acking ? "Acknowledging…" : "Acknowledge review"}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-slate-700">Not acknowledged. The cycle is closed, so the review is read only.</p>
        )}
        <Message id="ack-msg" state={ackState} />
      </div>
      <div>
        <h3 className="font-semibold">Your reply</h3>
        {props.reply !== null ? (
          <>
            <p className="text-sm text-slate-700">
              Sent {formatDateTime(props.repliedAt)}. {manager} and HR can read it.
            </p>
            <p className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-slate-800">{props.reply}</p>
          </>
        ) : props.canReply ? (
          <form action={send} className="mt-1">
            <input type="hidden" name="cycleKey" value={props.cycleKey} />
            <label htmlFor="reply" className="block text-sm font-medium">
              Reply to {manager} (you can reply once)
            </label>
            <p id="reply-help" className="text-sm text-slate-700">
              Your manager and HR will see your reply. Sending it also acknowledges the review.
            </p>
            <textarea
              id="reply"
              name="reply"
              rows={4}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              maxLength={2000}
              required
              aria-describedby={replyState ? "reply-help reply-msg" : "reply-help"}
              className="mt-2 w-full rounded-md border border-slate-400 px-3 py-2"
            />
            <Button type="submit" className="mt-2" disabled={sending}>
              {sending ? "Sending…" : "Send reply"}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-slate-700">No reply. The cycle is closed, so the review is read only.</p>
        )}
        <Message id="reply-msg" state={replyState} />
      </div>
    </div>
  );
}
