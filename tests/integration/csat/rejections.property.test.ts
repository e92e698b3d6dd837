import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { importCsat } from "@/lib/importers/csat/run-import";
import type { CsatSourceOption } from "@/lib/importers/csat/types";
import { all, count, expectRollupsConsistent, importSampleOrg, NOW, run } from "./helpers";

const ctx = useFreshDb();

// Each field drawn from values that are valid, invalid, or awkward to quote.
const field = {
  email: fc.constantFrom("kim@sample.keeper.test", "RAJ@sample.keeper.test", "ghost@x.test", "", "not-an-email"),
  rating: fc.constantFrom("1", "3", "5", "7", "10", "0", "11", "x", ""),
  scale: fc.constantFrom("2", "3", "4", "5", "7", "10", "6", ""),
  at: fc.constantFrom("2026-07-01T00:00:00Z", "2026-09-30T23:30:00-02:00", "1785060000", "2026-07-01", "2099-01-01T00:00:00Z", ""),
  comment: fc.constantFrom("", "fine", '"quoted, with comma"', '"two\nlines"', '"say ""hi"""'),
};
const row = fc.tuple(field.email, field.rating, field.scale, field.at, field.comment);

describe("rejected rows are never counted or stored", () => {
  it("for any mix of good and bad rows", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), fc.boolean(), async (rows, ragged) => {
        await run(ctx.db, "DELETE FROM csat_responses; DELETE FROM csat_rollups; DELETE FROM csat_imports;");
        const lines = rows.map(([email, rating, scale, at, comment], i) => `id-${i},${email},${rating},${scale},${at},${comment}`);
        if (ragged && lines.length > 0) lines[0] += ",extra";
        const text = ["response_id,agent_email,rating,scale_max,responded_at,comment", ...lines].join("\r\n");
        const report = await importCsat({ inputs: [{ name: "mix.csv", text }], via: "upload", now: NOW });

        expect(report.rowsRead).toBe(rows.length);
        expect(report.rowsRead).toBe(report.imported + report.updated + report.unchanged + report.notResponses + report.rejectedCount);
        expect(report.rejected).toHaveLength(report.rejectedCount);
        const stored = new Set((await all<{ id: string }>(ctx.db, "SELECT source_record_id AS id FROM csat_responses")).map((r) => r.id));
        expect(stored.size).toBe(report.imported);
        // Find each rejected row's id through its line number, counting quoted line breaks.
        const startLine = new Map<number, string>();
        let line = 2;
        lines.forEach((l, i) => {
          startLine.set(line, `id-${i}`);
          line += l.split("\n").length;
        });
        for (const r of report.rejected) {
          const id = startLine.get(Number(r.ref.replace("line ", "")));
          expect(id, `${r.ref} is the start of a row`).toBeDefined();
          expect(stored.has(id!), `${id} was rejected (${r.reason}) but stored`).toBe(false);
        }
        expect(await count(ctx.db, "csat_imports")).toBe(1);
        await expectRollupsConsistent(ctx.db);
      }),
      { numRuns: 80 },
    );
  });

  it("never throws on arbitrary bytes, whatever the source", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom<CsatSourceOption>("auto", "csv", "zendesk", "chatwoot"),
        async (bytes, source) => {
          const stream = (async function* () {
            yield bytes;
          })();
          const report = await importCsat({ inputs: [{ name: "fuzz", stream }], source, via: "upload", now: NOW });
          expect(report.rowsRead).toBe(report.imported + report.updated + report.unchanged + report.notResponses + report.rejectedCount);
        },
      ),
      { numRuns: 60 },
    );
  });
});
