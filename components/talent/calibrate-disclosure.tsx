"use client";

import { useState, type ReactNode } from "react";

/**
 * "Calibrate {name}" under a team's row. The form inside is rendered the first time the row is
 * opened, not with the page: HR's team page would otherwise render a full calibration form for
 * every person (most never opened). Once opened it stays mounted, so closing the row and opening
 * it again keeps what was typed.
 */
export function CalibrateDisclosure({ name, children }: { name: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 p-3" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-sm font-medium">Calibrate {name}</summary>
      {opened && <div className="mt-3">{children}</div>}
    </details>
  );
}
