const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const d = typeof value === "number" ? new Date(value) : new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? "—" : dateFormat.format(d);
}

export function formatDateTime(ms: number | null | undefined): string {
  return ms ? `${dateTimeFormat.format(new Date(ms))} UTC` : "—";
}

// Percentages: one formatter for every page, chart, export and CLI table (lib/domain/percent.ts).
export { formatPercent, formatPointsChange, percentPoints, roundTo } from "@/lib/domain/percent";

/** Whole days from today (UTC) to a 'YYYY-MM-DD' date; negative when past. */
export function daysUntil(date: string, now = Date.now()): number {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / 86_400_000);
}
