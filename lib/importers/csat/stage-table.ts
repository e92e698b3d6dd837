import { quarterOf, quarterRange } from "@/lib/domain/quarter";
import { BatchEncoder } from "./stage-batch";
import type { StageTableTotals } from "./stage-rows.cjs";
import type { StageStore } from "./stage-store";
import type { CsatRecord } from "./types";

/** Rows per batch: about 200 KB of text, written (or posted to the worker) in one go. */
export const BATCH_ROWS = 2000;

/** Responses and satisfied responses per agent and quarter. */
export type AgentTally = Map<string, Map<string, { responses: number; satisfied: number }>>;

/** quarterOf for many timestamps: a file spans a few quarters, so their ranges are remembered. */
class QuarterCache {
  private readonly ranges: { start: number; end: number; key: string }[] = [];

  of(epochMs: number): string {
    for (const range of this.ranges) if (epochMs >= range.start && epochMs < range.end) return range.key;
    const key = quarterOf(epochMs);
    if (this.ranges.length < 64) this.ranges.push({ ...quarterRange(key), key });
    return key;
  }
}

/**
 * One file's staged responses. Rows go out in batches; the writer that stores them (in this
 * thread or the staging worker) counts them, and its totals arrive by the time the store is
 * closed: rows, ids the file holds more than once (listed in `<name>_repeated`), and per-agent,
 * per-quarter totals, so the write step needs no GROUP BY over millions of rows.
 */
export class StageTable {
  count = 0;
  /** Ids seen twice or more in this file: their rows are applied one by one, in file order. */
  repeated = 0;
  readonly tally: AgentTally = new Map();
  finished = false;
  private readonly batch: BatchEncoder;
  private readonly quarters = new QuarterCache();

  constructor(
    private readonly store: StageStore,
    readonly name: string,
  ) {
    this.batch = new BatchEncoder(name, store.batchRows);
  }

  push(r: CsatRecord): void {
    // In STAGE_COLUMNS order (stage-rows.cjs).
    const b = this.batch;
    b.string(r.sourceRecordId);
    b.string(r.agentExternalId);
    b.number(r.ratedAt);
    b.string(this.quarters.of(r.ratedAt));
    b.number(r.satisfied ? 1 : 0);
    b.string(r.rawValue);
    b.string(r.scale);
    b.string(r.channel);
    b.string(r.comment);
    b.string(r.ticketRef);
    b.number(r.updatedAt);
    if (b.endRow()) this.store.write(b.take());
  }

  /** Await between chunks of input, so a busy staging worker slows the reading down. */
  ready(): Promise<void> {
    return this.store.ready();
  }

  /** Hands over what is buffered; the totals follow (see StageStore.close). */
  finish(): void {
    if (this.batch.rows > 0) this.store.write(this.batch.take());
    this.finished = true;
    this.store.finish(this);
  }

  setTotals(totals: StageTableTotals): void {
    this.count = totals.count;
    this.repeated = totals.repeated;
    for (const [agent, quarter, responses, satisfied] of totals.tally) {
      let quarters = this.tally.get(agent);
      if (!quarters) this.tally.set(agent, (quarters = new Map()));
      quarters.set(quarter, { responses, satisfied });
    }
  }
}
