import type { CsatFigure } from "@/lib/domain/csat";

/** "82% (77–87%)" or "too few responses" / "no responses": one wording everywhere CSAT appears. */
export function formatCsat(figure: Pick<CsatFigure, "csat" | "ci95" | "responses" | "tooFew">): string {
  if (figure.responses === 0 || figure.csat === null) return "no responses";
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const base = `${pct(figure.csat)}${figure.ci95 ? ` (${pct(figure.ci95[0])}–${pct(figure.ci95[1])})` : ""}`;
  return figure.tooFew ? `${base}, too few responses` : base;
}

export function formatResponses(n: number): string {
  return `${n} ${n === 1 ? "response" : "responses"}`;
}
