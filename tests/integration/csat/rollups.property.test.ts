import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { importCsat } from "@/lib/importers/csat/run-import";
import { all, expectRollupsConsistent, importSampleOrg, NOW, zendeskPage, type Rating, run } from "./helpers";

const ctx = useFreshDb();

// Times around the Q2/Q3 boundary, so updates move responses between quarters.
const BASE = Date.UTC(2026, 5, 30, 12);
const iso = (hours: number) => new Date(BASE + hours * 3_600_000).toISOString();

const rating: fc.Arbitrary<Rating> = fc
  .record({
    id: fc.integer({ min: 1, max: 6 }),
    score: fc.constantFrom("good", "bad", "offered") as fc.Arbitrary<Rating["score"]>,
    assignee: fc.constantFrom(361, 362, 999),
    created: fc.integer({ min: 0, max: 30 }),
    edited: fc.integer({ min: 0, max: 30 }),
  })
  .map((r) => ({ id: String(r.id), score: r.score, assignee: r.assignee, created: iso(r.created), updated: iso(r.created + r.edited) }));

// An import is one or two files, each a page of ratings.
const imports = fc.array(fc.array(fc.array(rating, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }), {
  minLength: 1,
  maxLength: 5,
});

describe("rollups under random sequences of imports", () => {
  it("always equal a GROUP BY over responses, and each record keeps its newest version", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    await fc.assert(
      // Batches of 2 rows send most files through the staging worker; 2000 keeps them in this thread.
      fc.asyncProperty(imports, fc.constantFrom(2, 2000), async (sequence, batchRows) => {
        await run(ctx.db, "DELETE FROM csat_responses; DELETE FROM csat_rollups; DELETE FROM csat_imports;");
        const newest = new Map<string, Rating>();
        for (const files of sequence) {
          const report = await importCsat({
            inputs: files.map((page, i) => ({ name: `page-${i}.json`, text: zendeskPage(page) })),
            via: "api",
            now: NOW,
            staging: { batchRows },
          });
          expect(report.rowsRead).toBe(report.imported + report.updated + report.unchanged + report.notResponses + report.rejectedCount);
          expect(report.rejectedCount).toBe(0);
          for (const r of files.flat()) {
            const kept = newest.get(r.id);
            if (r.score !== "offered" && (!kept || r.updated >= kept.updated)) newest.set(r.id, r);
          }
          await expectRollupsConsistent(ctx.db);
        }
        const stored = await all<{ source_record_id: string; agent_external_id: string; satisfied: number; updated_at: number }>(
          ctx.db,
          "SELECT source_record_id, agent_external_id, satisfied, updated_at FROM csat_responses ORDER BY source_record_id",
        );
        const expected = [...newest.values()]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((r) => ({
            source_record_id: r.id,
            agent_external_id: String(r.assignee),
            satisfied: r.score === "good" ? 1 : 0,
            updated_at: Date.parse(r.updated),
          }));
        expect(stored).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
