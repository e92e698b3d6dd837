"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { reopenReviewAction } from "@/app/(app)/reviews/actions";
import { Button } from "@/components/ui/button";

export function ReopenButton({ cycleKey, employeeId, version }: { cycleKey: string; employeeId: number; version: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await reopenReviewAction({ cycleKey, employeeId, version });
            if (result.ok) router.refresh();
            else setMessage(result.message);
          })
        }
      >
        {pending ? "Reopening…" : "Reopen to edit"}
      </Button>
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
