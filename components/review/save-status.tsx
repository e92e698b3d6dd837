"use client";

import type { SaveState } from "./use-autosave";

function label(state: SaveState): string {
  switch (state.kind) {
    case "saving":
      return "Saving…";
    case "pending":
      return "Unsaved changes";
    case "saved":
      return `Saved · ${new Date(state.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
    case "error":
      return `Not saved: ${state.message}`;
    case "stale":
      return "Not saved";
    default:
      return "All changes saved";
  }
}

export function SaveStatus({ state }: { state: SaveState }) {
  const tone = state.kind === "error" || state.kind === "stale" ? "font-medium text-red-800" : "text-slate-700";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-testid="save-status">
      {label(state)}
    </p>
  );
}
