import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError } from "@/lib/importers/csv-rows";
import { readGenericCsv } from "@/lib/importers/csat/generic-csv";
import { CsatFileError, type RowOutcome } from "@/lib/importers/csat/types";

const NOW = Date.UTC(2026, 10, 1);
const HEADER = "response_id,agent_email,rating,scale_max,responded_at";

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(text: string | Buffer, chunkSize = 1 << 16): Promise<RowOutcome[]> {
  const out: RowOutcome[] = [];
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  await readGenericCsv(chunked(bytes, chunkSize), { now: NOW }, (o) => out.push(o));
  return out;
}

const rejections = (outcomes: RowOutcome[]) => outcomes.flatMap((o) => (o.kind === "rejected" ? [`${o.ref}: ${o.reason}`] : []));

describe("generic CSV", () => {
  it("reads the fixture: BOM, CRLF, quoted comma and line break, offsets, mixed-case email", async () => {
    const outcomes = await read(readFileSync(join(process.cwd(), "tests", "fixtures", "csat", "generic.csv")));
    expect(outcomes.map((o) => o.kind)).toEqual(["response", "response", "response"]);
    const [c1, c2, c3] = outcomes.map((o) => (o.kind === "response" ? o.record : null));
    expect(c1).toMatchObject({
      sourceRecordId: "c-1",
      agentExternalId: "kim@sample.keeper.test",
      satisfied: true,
      comment: "Quick, friendly",
      channel: "chat",
      scale: "1-5",
    });
    expect(c2).toMatchObject({
      agentExternalId: "raj@sample.keeper.test",
      satisfied: true,
      comment: "Line one\nline two",
      ratedAt: Date.UTC(2026, 7, 11, 14),
      scale: "1-2",
    });
    expect(c3).toMatchObject({ satisfied: false, rawValue: "4", scale: "1-7", comment: null, ticketRef: null });
  });

  it("names the right line after a quoted line break and blank lines", async () => {
    const text = [
      "\uFEFF" + HEADER + ",comment",
      'a,kim@x.test,5,5,2026-08-10T10:00:00Z,"two',
      'lines, and a comma"',
      "",
      "b,kim@x.test,6,5,2026-08-10T10:00:00Z,",
      "c,kim@x.test,5,5,2026-08-10T10:00:00Z",
    ].join("\r\n");
    const outcomes = await read(text);
    expect(outcomes[0]).toMatchObject({ kind: "response", record: { comment: "two\nlines, and a comma" } });
    expect(rejections(outcomes)).toEqual(["line 5: rating 6 is outside the 1-5 scale", "line 6: has 5 fields; the header has 6"]);
  });

  it("rejects each bad row with its line and reason, keeping the good ones", async () => {
    const rows = [
      HEADER + ",updated_at",
      "ok,a@x.test,3,3,2026-08-10T10:00:00Z,",
      ",a@x.test,3,3,2026-08-10T10:00:00Z,",
      "r3,,3,3,2026-08-10T10:00:00Z,",
      "r4,not-an-email,3,3,2026-08-10T10:00:00Z,",
      "r5,a@x.test,,3,2026-08-10T10:00:00Z,",
      "r6,a@x.test,3,6,2026-08-10T10:00:00Z,",
      "r7,a@x.test,0,5,2026-08-10T10:00:00Z,",
      "r8,a@x.test,3,5,,",
      "r9,a@x.test,3,5,2026-08-10 10:00,",
      "r10,a@x.test,3,5,2030-01-01T00:00:00Z,",
      "r11,a@x.test,3,5,2026-08-10T10:00:00Z,later",
      "r12,a@x.test,3,5,2026-08-10T10:00:00Z,,extra",
    ];
    const outcomes = await read(rows.join("\n"));
    expect(outcomes).toHaveLength(12);
    expect(rejections(outcomes)).toEqual([
      "line 3: missing response_id",
      "line 4: missing agent_email (no agent to credit)",
      "line 5: agent_email 'not-an-email' is not an email address",
      "line 6: rating is missing",
      "line 7: unknown scale_max '6' (expected 2, 3, 4, 5, 7 or 10)",
      "line 8: rating 0 is outside the 1-5 scale",
      "line 9: responded_at is empty",
      "line 10: responded_at '2026-08-10 10:00' is not a timestamp (use ISO 8601 with Z or an offset, or Unix seconds)",
      "line 11: responded_at '2030-01-01T00:00:00Z' is in the future",
      "line 12: updated_at 'later' is not a timestamp (use ISO 8601 with Z or an offset, or Unix seconds)",
      "line 13: has 7 fields; the header has 6",
    ]);
  });

  it("accepts columns in any order and case, lower-cases emails, reads optional columns", async () => {
    const text =
      "Responded_At,RATING,Agent_Email,scale_max,response_id,ticket_id,channel,updated_at\n" +
      "1785060000,9,Kim@X.Test,10,z1,T-9, chat ,2026-08-01T00:00:00Z\n";
    const [o] = await read(text);
    expect(o).toMatchObject({
      kind: "response",
      record: {
        sourceRecordId: "z1",
        agentExternalId: "kim@x.test",
        satisfied: true,
        ticketRef: "T-9",
        channel: "chat",
        ratedAt: 1785060000_000,
        updatedAt: Date.UTC(2026, 7, 1),
      },
    });
  });

  it("refuses a file without the required columns, naming them", async () => {
    await expect(read("response_id,agent,rating\n1,a,2\n")).rejects.toThrow(CsatFileError);
    await expect(read("response_id,agent,rating\n1,a,2\n")).rejects.toThrow(
      /missing required columns agent_email, scale_max, responded_at/,
    );
    await expect(read(`${HEADER},rating\n`)).rejects.toThrow(/names the column rating twice/);
  });

  it("reads a header-only file as no rows and a blank one as empty", async () => {
    expect(await read(HEADER + "\r\n")).toEqual([]);
    await expect(read("\r\n\r\n")).rejects.toThrow(/is empty/);
  });

  it("refuses a quote that is never closed, naming the line it opens on", async () => {
    const text = `${HEADER},comment\na,a@x.test,3,3,2026-08-10T10:00:00Z,ok\nb,a@x.test,3,3,2026-08-10T10:00:00Z,"open\nmore\n`;
    await expect(read(text)).rejects.toThrow(CsvSyntaxError);
    await expect(read(text)).rejects.toThrow("the quoted field starting on line 3 is never closed");
  });

  it("refuses text after a closing quote, naming the line, rather than guess where the field ends", async () => {
    const text = `${HEADER},comment\na,a@x.test,3,3,2026-08-10T10:00:00Z,ok\nb,a@x.test,3,3,2026-08-10T10:00:00Z,"ab"c\n`;
    await expect(read(text)).rejects.toThrow(CsvSyntaxError);
    await expect(read(text)).rejects.toThrow("has text after the closing quote of a field on line 3");
  });

  it("gives the same result however the bytes are split, multi-byte characters included", async () => {
    const text = `\uFEFF${HEADER},comment\r\nx,zoë@x.test,5,5,2026-08-10T10:00:00Z,"Très bien 👍, merci\r\nencore"\r\ny,a@x.test,1,5,2026-08-10T10:00:00Z,日本語\r\n`;
    const whole = await read(text);
    expect(whole[0]).toMatchObject({ record: { agentExternalId: "zoë@x.test", comment: "Très bien 👍, merci\nencore" } });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (size) => {
        expect(await read(text, size)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
