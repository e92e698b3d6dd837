"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The server already logged the failure with its context; the digest ties this page to that log.
    console.warn("Keeper page error", error.digest ?? error.message);
  }, [error]);
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        The page could not be shown. Nothing you saved was lost. Try again, and if it keeps happening, give your administrator this
        reference: <code className="rounded bg-slate-100 px-1">{error.digest ?? "n/a"}</code>
      </p>
      <button onClick={reset} className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Try again
      </button>
    </main>
  );
}
