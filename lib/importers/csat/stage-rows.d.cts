import type Database from "better-sqlite3";

/** A batch of staged rows, as BatchEncoder (stage-batch.ts) builds it. */
export type StageBatch = { table: string; rows: number; text: string; lens: Int32Array; nums: Float64Array };

/** What a stage table's rows added up to; tally rows are [agent, quarter, responses, satisfied]. */
export type StageTableTotals = { count: number; repeated: number; tally: [string, string, number, number][] };

export declare const STAGE_COLUMNS: string;
export declare const STAGE_LAYOUT: string;
export declare const ROWS_PER_INSERT: number;

export declare class IdSet {
  add(id: string): boolean;
}

export declare class StageWriter {
  constructor(db: Database.Database);
  createTable(name: string, exists?: boolean): void;
  insert(batch: StageBatch): void;
  finish(name: string): StageTableTotals;
}
