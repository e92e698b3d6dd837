"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the print stylesheet (app/globals.css) does the rest. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
