"use client";

import { useState, useTransition } from "react";
import { revokeTokenAction } from "@/app/(app)/admin/tokens/actions";
import { Button } from "@/components/ui/button";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirming)
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => start(async () => setMessage((await revokeTokenAction(id)).message))}
      >
        Confirm revoke
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {message && (
        <span role="status" className="text-sm">
          {message}
        </span>
      )}
    </span>
  );
}
