import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Checked } from "@/lib/importers/csat/input";
import { BatchEncoder } from "@/lib/importers/csat/stage-batch";
import { IdSet, STAGE_COLUMNS, STAGE_LAYOUT, StageWriter } from "@/lib/importers/csat/stage-rows.cjs";

type Row = [string, string, number, string, number, string, string, string | null, string | null, string | null, number];

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const row: fc.Arbitrary<Row> = fc.tuple(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.constantFrom("kim@x.test", "raj@x.test", "ghost"),
  fc.integer({ min: 0, max: 2 ** 45 }),
  fc.constantFrom("2026-Q1", "2026-Q2"),
  fc.constantFrom(0, 1),
  text,
  text,
  fc.option(text),
  fc.option(fc.string({ unit: "binary", maxLength: 20 })),
  fc.option(text),
  fc.integer({ min: 0, max: 2 ** 45 }),
);

function stage(rows: Row[], batchRows: number) {
  const db = new Database(":memory:");
  const writer = new StageWriter(db);
  writer.createTable("rows_0");
  const encoder = new BatchEncoder("rows_0", batchRows);
  for (const values of rows) {
    values.forEach((value, column) =>
      STAGE_LAYOUT[column] === "n" ? encoder.number(value as number) : encoder.string(value as string | null),
    );
    if (encoder.endRow()) writer.insert(encoder.take());
  }
  if (encoder.rows > 0) writer.insert(encoder.take());
  const totals = writer.finish("rows_0");
  const stored = db.prepare(`SELECT ${STAGE_COLUMNS} FROM rows_0 ORDER BY seq`).raw().all();
  const repeated = db.prepare("SELECT source_record_id FROM rows_0_repeated ORDER BY 1").pluck().all();
  db.close();
  return { totals, stored, repeated };
}

describe("staged rows", () => {
  it("come out of a batch exactly as they went in: nulls, empty strings, any characters but NUL", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (rows, batchRows) => {
        const { stored, totals, repeated } = stage(rows, batchRows);
        // NUL is the one character that does not come back: PostgreSQL text cannot hold it, so the
        // batch stores U+FFFD on both engines (lib/importers/csat/stage-batch.ts).
        const noNul = (v: unknown) => (typeof v === "string" ? v.replace(/\0/g, "\uFFFD") : v);
        expect(stored).toEqual(rows.map((r) => r.map(noNul)));
        expect(totals.count).toBe(rows.length);
        const ids = rows.map((r) => r[0]);
        const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].sort();
        expect(repeated).toEqual(twice);
        expect(totals.repeated).toBe(twice.length);
        const responses = totals.tally.reduce((sum, [, , n]) => sum + n, 0);
        const satisfied = totals.tally.reduce((sum, [, , , s]) => sum + s, 0);
        expect([responses, satisfied]).toEqual([rows.length, rows.filter((r) => r[4] === 1).length]);
      }),
      { numRuns: 100 },
    );
  });

  it("track a million distinct ids without mistaking one for another, and spot repeats", () => {
    const ids = new IdSet();
    let clashes = 0;
    for (let i = 0; i < 1_000_000; i++) if (!ids.add(`r${i}`)) clashes++;
    expect(clashes).toBe(0);
    expect(ids.add("r0")).toBe(false);
    expect(ids.add("r999999")).toBe(false);
    expect(ids.add("")).toBe(true);
    expect(ids.add("")).toBe(false);
  });
});

describe("utf8Checked", () => {
  const check = async (data: Buffer, cuts: number[]) => {
    const chunks = [0, ...cuts, data.length].slice(1).map((end, i, ends) => data.subarray(i === 0 ? 0 : ends[i - 1], end));
    const out: Buffer[] = [];
    for await (const chunk of utf8Checked(
      (async function* () {
        yield* chunks;
      })(),
    ))
      out.push(chunk);
    return Buffer.concat(out);
  };

  it("passes UTF-8 through unchanged however it is cut, and refuses anything else", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.array(fc.nat(60)),
        async (bytes, valid, cuts) => {
          for (const data of [Buffer.from(bytes), Buffer.from(valid, "utf8")]) {
            const at = [...new Set(cuts.filter((c) => c < data.length))].sort((a, b) => a - b);
            let ok = true;
            try {
              new TextDecoder("utf-8", { fatal: true }).decode(data);
            } catch {
              ok = false;
            }
            if (ok) await expect(check(data, at)).resolves.toEqual(data);
            else await expect(check(data, at)).rejects.toThrow(/is not UTF-8 text/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
