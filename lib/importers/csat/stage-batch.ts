import { STAGE_LAYOUT, type StageBatch } from "./stage-rows.cjs";

export type { StageBatch } from "./stage-rows.cjs";

const STRINGS = STAGE_LAYOUT.split("").filter((c) => c === "s").length;
const NUMBERS = STAGE_LAYOUT.length - STRINGS;

/**
 * Fills one batch of staged rows, in STAGE_COLUMNS order. A batch is compact so that posting it
 * to the staging worker costs a copy of one string and two typed arrays, not a structured clone
 * of thousands of values: every text value of every row concatenated, their lengths (-1 for
 * null) in an Int32Array, the numbers in a Float64Array. StageWriter (stage-rows.cjs) decodes it.
 */
export class BatchEncoder {
  text = "";
  rows = 0;
  private lens: Int32Array;
  private nums: Float64Array;
  private lenAt = 0;
  private numAt = 0;

  constructor(
    private readonly table: string,
    private readonly capacity: number,
  ) {
    this.lens = new Int32Array(capacity * STRINGS);
    this.nums = new Float64Array(capacity * NUMBERS);
  }

  string(value: string | null): void {
    if (value === null) {
      this.lens[this.lenAt++] = -1;
    } else {
      this.lens[this.lenAt++] = value.length;
      this.text += value;
    }
  }

  number(value: number): void {
    this.nums[this.numAt++] = value;
  }

  /** Call after each row's values. Returns true when the batch is full. */
  endRow(): boolean {
    return ++this.rows === this.capacity;
  }

  /** The batch so far, leaving the encoder empty for the next one. */
  take(): StageBatch {
    const full = this.rows === this.capacity;
    const batch = {
      table: this.table,
      rows: this.rows,
      // NUL cannot be stored in PostgreSQL text: on both engines it becomes U+FFFD, which keeps
      // every length (one UTF-16 unit each). One native scan per batch.
      text: this.text.includes("\0") ? this.text.replace(/\0/g, "\uFFFD") : this.text,
      lens: full ? this.lens : this.lens.slice(0, this.lenAt),
      nums: full ? this.nums : this.nums.slice(0, this.numAt),
    };
    this.text = "";
    this.rows = this.lenAt = this.numAt = 0;
    this.lens = new Int32Array(this.capacity * STRINGS);
    this.nums = new Float64Array(this.capacity * NUMBERS);
    return batch;
  }
}
