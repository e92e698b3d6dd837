"use client";

import { useActionState, useState } from "react";
import { askCheckinAction } from "@/app/(app)/checkins/actions";
import { Button } from "@/components/ui/button";
import type { CheckinResult } from "@/lib/dal/checkins";

/** The agent asks their manager the keeper question about themselves. */
export function CheckinAskForm({ question, managerFirstName }: { question: string; managerFirstName: string }) {
  const [state, action, pending] = useActionState<CheckinResult | null, FormData>(askCheckinAction, null);
  // Controlled, so React's reset of the form after the action never wipes what was typed.
  const [message, setMessage] = useState("");
  return (
    <form action={action} className="space-y-3">
      <blockquote className="border-l-4 border-brand-600 bg-brand-50 px-4 py-3 text-lg font-medium text-brand-800">“{question}”</blockquote>
      <div>
        <label htmlFor="checkin-message" className="block text-sm font-medium">
          Anything to add? (optional)
        </label>
        <textarea
          id="checkin-message"
          name="message"
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Asking…" : `Ask ${managerFirstName}`}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "font-medium text-red-800"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
