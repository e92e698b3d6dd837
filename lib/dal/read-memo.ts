import "server-only";
import type { Db } from "@/db/client";
import { sql } from "drizzle-orm";
import { row } from "@/db/raw";

/**
 * Reuses an expensive talent read until the data it was read from changes. Internal to lib/dal:
 * the caller has verified the session and puts the viewer's scope in `key`, so a memoised value
 * is only ever what the same query with the same access rule would return now.
 *
 * "Changes" is exact, not a time-to-live (docs/decisions/0007-talent-overview-memo.md): the
 * `talent` row of `data_versions`, which triggers move in the same transaction as any write to
 * what talent figures read (migration 0006): the org chart, cycles and their traits, CSAT
 * rollups, and reviews and ratings except a draft that stays a draft. Other connections' commits
 * (the CLI, an import in another process) are seen by the next read. A manager saving drafts no
 * longer throws away HR's organisation overview; a submission does.
 */

const MAX_ENTRIES = 16;
// For scripts/bench-layers.ts, which weighs what the memo buys.
const MEMO_OFF = process.env.KEEPER_LAYERS_OFF?.split(",").includes("read-memo") ?? false;

interface Entry {
  version: number;
  value: unknown;
}

interface Flight {
  version: number;
  promise: Promise<unknown>;
}

const holder = globalThis as unknown as {
  __keeperReadMemo?: WeakMap<Db, Map<string, Entry>>;
  __keeperReadMemoFlights?: WeakMap<Db, Map<string, Flight>>;
};

/**
 * `keep` decides whether a result is worth remembering: a denial must not be, since it is audited
 * inside `compute` and an audit row does not move the talent version.
 */
export async function memoUntilTalentChange<T>(
  db: Db,
  key: string,
  compute: () => Promise<T> | T,
  keep: (value: T) => boolean = () => true,
): Promise<T> {
  if (MEMO_OFF) return compute();
  // Read on every memoised request, from the database and not from this process: a write by
  // another server process (or the CLI) moves it too, so no process serves a stale value.
  const version = (await row<{ version: number }>(db, sql`select version from data_versions where topic = 'talent'`))!.version;
  holder.__keeperReadMemo ??= new WeakMap();
  let entries = holder.__keeperReadMemo.get(db);
  if (!entries) holder.__keeperReadMemo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  // One computation per key and version at a time: on a cold process every concurrent request
  // would otherwise build the same large report at once (on PostgreSQL each waits on its queries).
  holder.__keeperReadMemoFlights ??= new WeakMap();
  let flights = holder.__keeperReadMemoFlights.get(db);
  if (!flights) holder.__keeperReadMemoFlights.set(db, (flights = new Map()));
  const flying = flights.get(key);
  if (flying && flying.version === version) {
    const shared = (await flying.promise) as T;
    // A denial is audited inside compute, once per request: this request asks for itself.
    return keep(shared) ? shared : compute();
  }
  const promise = Promise.resolve().then(compute);
  flights.set(key, { version, promise });
  let value: T;
  try {
    value = await promise;
  } finally {
    if (flights.get(key)?.promise === promise) flights.delete(key);
  }
  entries.delete(key);
  if (!keep(value)) return value;
  // The version is taken before compute(): a change committed meanwhile is stored under the older
  // version, so the next read computes again rather than keeping a value newer than its version.
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
