/** Calendar quarters in UTC, keyed `YYYY-Qn`. */
export const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export function quarterOf(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export function parseQuarter(key: string): { year: number; quarter: number } | null {
  const m = QUARTER_KEY.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** [start, end) in epoch ms. */
export function quarterRange(key: string): { start: number; end: number } {
  const q = parseQuarter(key);
  if (!q) throw new Error(`Not a quarter key: ${key}`);
  const start = Date.UTC(q.year, (q.quarter - 1) * 3, 1);
  const end = Date.UTC(q.year, q.quarter * 3, 1);
  return { start, end };
}

export function nextQuarter(key: string): string {
  const q = parseQuarter(key);
  if (!q) throw new Error(`Not a quarter key: ${key}`);
  return q.quarter === 4 ? `${q.year + 1}-Q1` : `${q.year}-Q${q.quarter + 1}`;
}

export function previousQuarter(key: string): string {
  const q = parseQuarter(key);
  if (!q) throw new Error(`Not a quarter key: ${key}`);
  return q.quarter === 1 ? `${q.year - 1}-Q4` : `${q.year}-Q${q.quarter - 1}`;
}

/** The `count` quarters ending with `key`, oldest first. */
export function lastQuarters(key: string, count: number): string[] {
  const out = [key];
  while (out.length < count) out.unshift(previousQuarter(out[0]));
  return out;
}

/** Last day of the quarter as 'YYYY-MM-DD', a natural default due date. */
export function quarterEndDate(key: string): string {
  const { end } = quarterRange(key);
  return new Date(end - 86_400_000).toISOString().slice(0, 10);
}
