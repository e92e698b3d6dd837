"use strict";
// Writing staged CSAT responses into the private staging file, and what is counted on the way:
// per-agent totals and the record ids a file repeats. Plain CommonJS needing nothing but the
// better-sqlite3 connection it is given, so the staging worker (stage-worker.cjs) loads it as it
// is, and the main thread imports the same code (stage-store.ts) when it stages itself. Types:
// stage-rows.d.cts. See docs/decisions/0008-csat-import-staging-worker.md.

/** Columns of a staged response, in the order values are encoded; the source is implied by the table. */
const STAGE_COLUMNS =
  "source_record_id, agent_external_id, rated_at, quarter, satisfied, raw_value, scale, channel, comment, ticket_ref, updated_at";
/** Per column: "s" text (or null), "n" number. */
const STAGE_LAYOUT = "ssnsnsssssn";
const WIDTH = STAGE_LAYOUT.length;
const [ID, AGENT, QUARTER, SATISFIED] = [0, 1, 3, 4];
/** Rows per INSERT statement: binding many rows per statement step is what makes staging cheap. */
const ROWS_PER_INSERT = 50;

const placeholders = (rows) => new Array(rows).fill(`(${new Array(WIDTH).fill("?").join(", ")})`).join(", ");

/**
 * Record ids seen so far, as 64-bit hashes in an open-addressing table of 32-bit integers: a
 * million ids take 16 MB and no id strings. A hash shared by two ids only sends both down the
 * slower, still correct one-by-one path; with 64 bits it practically never happens, where 30-bit
 * hashes collided a few hundred times per million rows, each time costing a pass over the file.
 */
class IdSet {
  constructor() {
    this.bits = 10;
    this.slots = new Int32Array(2 << this.bits);
    this.size = 0;
  }

  /** Adds the id; false when it (or an id with the same hash) was already there. */
  add(id) {
    // Two FNV-1a style hashes with different multipliers, in one pass.
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // As int32, as the table stores them (an empty id never went through Math.imul).
    a |= 0;
    return this.insert(a === 0 ? 1 : a, b | 0);
  }

  insert(high, low) {
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    // Fibonacci hashing spreads FNV's weak low bits over the table; 0 marks an empty slot.
    let at = Math.imul(low ^ high, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const h = slots[2 * at];
      if (h === 0) break;
      if (h === high && slots[2 * at + 1] === low) return false;
      at = (at + 1) & mask;
    }
    slots[2 * at] = high;
    slots[2 * at + 1] = low;
    // At most half full, so probes stay short.
    if (++this.size * 2 > mask) this.grow();
    return true;
  }

  grow() {
    const old = this.slots;
    this.bits++;
    this.slots = new Int32Array(old.length * 2);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.insert(old[i], old[i + 1]);
  }
}

/** One stage table per input file; `finish` returns what was counted while its rows went in. */
class StageWriter {
  constructor(db) {
    this.db = db;
    this.tables = new Map();
  }

  createTable(name, exists) {
    if (!exists) {
      this.db.exec(
        `CREATE TABLE ${name} (seq INTEGER PRIMARY KEY, source_record_id TEXT NOT NULL, agent_external_id TEXT NOT NULL,
         rated_at INTEGER NOT NULL, quarter TEXT NOT NULL, satisfied INTEGER NOT NULL, raw_value TEXT NOT NULL,
         scale TEXT NOT NULL, channel TEXT, comment TEXT, ticket_ref TEXT, updated_at INTEGER NOT NULL,
         slow INTEGER NOT NULL DEFAULT 0)`,
      );
    }
    this.tables.set(name, {
      many: this.db.prepare(`INSERT INTO ${name} (${STAGE_COLUMNS}) VALUES ${placeholders(ROWS_PER_INSERT)}`),
      one: this.db.prepare(`INSERT INTO ${name} (${STAGE_COLUMNS}) VALUES ${placeholders(1)}`),
      count: 0,
      seen: new IdSet(),
      repeated: new Set(),
      tally: new Map(),
    });
  }

  /** Decodes a batch (see BatchEncoder in stage-batch.ts), counts its rows and inserts them. */
  insert(batch) {
    const table = this.tables.get(batch.table);
    const { many, one, seen, repeated, tally } = table;
    const params = new Array(ROWS_PER_INSERT * WIDTH);
    const { text, lens, nums } = batch;
    let s = 0;
    let n = 0;
    let at = 0;
    let p = 0;
    for (let row = 0; row < batch.rows; row++) {
      const first = p;
      for (let c = 0; c < WIDTH; c++) {
        if (STAGE_LAYOUT.charCodeAt(c) === 0x6e /* n */) {
          params[p++] = nums[n++];
        } else {
          const length = lens[s++];
          if (length < 0) {
            params[p++] = null;
          } else {
            params[p++] = text.slice(at, at + length);
            at += length;
          }
        }
      }
      const id = params[first + ID];
      if (!seen.add(id)) repeated.add(id);
      countFor(tally, params[first + AGENT], params[first + QUARTER], params[first + SATISFIED]);
      if (p === params.length) {
        many.run(...params);
        p = 0;
      }
    }
    for (let from = 0; from < p; from += WIDTH) one.run(...params.slice(from, from + WIDTH));
    table.count += batch.rows;
  }

  /**
   * Writes the ids the file repeats into `<name>_repeated` and returns the table's counts: rows,
   * repeated ids, and [agent, quarter, responses, satisfied] for each agent and quarter.
   */
  finish(name) {
    const { count, repeated, tally } = this.tables.get(name);
    this.tables.delete(name);
    this.db.exec(`CREATE TABLE ${name}_repeated (source_record_id TEXT PRIMARY KEY)`);
    const insert = this.db.prepare(`INSERT INTO ${name}_repeated VALUES (?)`);
    for (const id of repeated) insert.run(id);
    const totals = [];
    for (const [agent, quarters] of tally) {
      for (const [quarter, t] of quarters) totals.push([agent, quarter, t.responses, t.satisfied]);
    }
    return { count, repeated: repeated.size, tally: totals };
  }
}

function countFor(tally, agent, quarter, satisfied) {
  let quarters = tally.get(agent);
  if (!quarters) tally.set(agent, (quarters = new Map()));
  const totals = quarters.get(quarter);
  if (totals) {
    totals.responses++;
    totals.satisfied += satisfied;
  } else {
    quarters.set(quarter, { responses: 1, satisfied });
  }
}

module.exports = { STAGE_COLUMNS, STAGE_LAYOUT, ROWS_PER_INSERT, IdSet, StageWriter };
