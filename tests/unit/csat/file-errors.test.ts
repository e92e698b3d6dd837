import fc from "fast-check";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_JSON_SHAPE } from "@/lib/importers/csat/detect";
import { DEFAULT_MAX_BYTES, resolveMaxBytes, type CsatInput } from "@/lib/importers/csat/input";
import { stageFile, type FailedFile, type StagedFile } from "@/lib/importers/csat/stage-file";
import { StageStore } from "@/lib/importers/csat/stage-store";
import type { CsatSourceOption } from "@/lib/importers/csat/types";

const NOW = Date.UTC(2026, 10, 1);
let store: StageStore;
let tables = 0;
beforeEach(() => {
  store = new StageStore();
});
afterEach(() => store.dispose());

function stage(input: CsatInput, source: CsatSourceOption = "auto", maxBytes = 1 << 20): Promise<StagedFile | FailedFile> {
  return stageFile(input, store.table(tables++), { source, maxBytes, now: NOW });
}
async function failure(input: CsatInput, source: CsatSourceOption = "auto", maxBytes?: number): Promise<string> {
  const file = await stage(input, source, maxBytes);
  if (file.ok) throw new Error(`expected ${input.name} to fail, it read ${file.rowsRead} rows`);
  return file.error;
}
const bytes = (name: string, data: Uint8Array): CsatInput => ({
  name,
  stream: (async function* () {
    yield data;
  })(),
});
const fixture = (name: string) => readFileSync(`${process.cwd()}/tests/fixtures/csat/${name}`, "utf8");

describe("file-level errors", () => {
  it("refuses bytes that are not UTF-8, in CSV and in JSON", async () => {
    const latin1 = Buffer.from(
      "response_id,agent_email,rating,scale_max,responded_at\nr1,caf\xe9@x.test,5,5,2026-08-01T00:00:00Z\n",
      "latin1",
    );
    expect(await failure(bytes("latin1.csv", latin1))).toMatch(/^is not UTF-8 text/);
    expect(await failure(bytes("utf16.json", Buffer.from('\ufeff{"a": 1}', "utf16le")))).toMatch(/^is not UTF-8 text/);
    const json = Buffer.concat([Buffer.from('{"satisfaction_ratings": [{"comment": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]);
    expect(await failure(bytes("bad.json", json))).toMatch(/^is not UTF-8 text/);
  });

  it("refuses an empty file, one of blanks, and one holding only a byte-order mark", async () => {
    expect(await failure({ name: "empty.csv", text: "" })).toBe("is empty");
    expect(await failure({ name: "blank.csv", text: " \r\n\t\n" })).toBe("is empty");
    expect(await failure(bytes("bom.csv", Buffer.from([0xef, 0xbb, 0xbf])))).toBe("is empty");
  });

  it("refuses a file over the size limit without reading all of it", async () => {
    let chunksRead = 0;
    const big: CsatInput = {
      name: "big.csv",
      stream: (async function* () {
        for (let i = 0; i < 1000; i++) {
          chunksRead++;
          yield Buffer.alloc(1024, 0x61);
        }
      })(),
    };
    expect(await failure(big, "auto", 10 * 1024)).toMatch(/is larger than the 0.01 MB limit/);
    expect(chunksRead).toBeLessThan(20);
    expect(await failure({ name: "t.csv", text: fixture("generic.csv") }, "csv", 100)).toMatch(/larger than/);
  });

  it("refuses JSON it cannot read or recognise", async () => {
    expect(await failure({ name: "x.json", text: '{"satisfaction_ratings": [' })).toMatch(/^is not valid JSON: /);
    expect(await failure({ name: "x.json", text: '{"tickets": []}' })).toBe(UNKNOWN_JSON_SHAPE);
    expect(UNKNOWN_JSON_SHAPE).toMatch(/Zendesk.*Intercom.*Help Scout.*Freshdesk.*Chatwoot/);
  });

  it("refuses a file that does not match the --source given", async () => {
    expect(await failure({ name: "f.json", text: fixture("freshdesk.json") }, "zendesk")).toMatch(/does not look like a Zendesk/);
    expect(await failure({ name: "z.json", text: fixture("zendesk.json") }, "csv")).toMatch(/is JSON, but --source csv/);
    expect(await failure({ name: "g.csv", text: fixture("generic.csv") }, "intercom")).toMatch(/is not JSON, but --source intercom/);
    expect(await failure({ name: "org.csv", text: fixture("org.csv") })).toMatch(/missing required columns/);
  });

  it("turns a stream that fails into that file's error", async () => {
    const broken: CsatInput = {
      name: "gone.csv",
      stream: (async function* () {
        yield Buffer.from("response_id,");
        throw new Error("ENOENT: no such file");
      })(),
    };
    expect(await failure(broken)).toBe("could not be read: ENOENT: no such file");
  });

  it("says which source it detected", async () => {
    const file = await stage({ name: "h.json", text: fixture("helpscout.json") });
    expect(file).toMatchObject({ ok: true, source: "helpscout", detected: true, rowsRead: 2 });
    expect(await stage({ name: "h.json", text: fixture("helpscout.json") }, "helpscout")).toMatchObject({ detected: false });
  });
});

describe("size limit", () => {
  it("comes from the option, else CSAT_MAX_BYTES, else the default for the channel", () => {
    const saved = process.env.CSAT_MAX_BYTES;
    try {
      delete process.env.CSAT_MAX_BYTES;
      expect(resolveMaxBytes("cli")).toBe(200 * 1024 * 1024);
      expect(resolveMaxBytes("upload")).toBe(DEFAULT_MAX_BYTES.upload);
      expect(DEFAULT_MAX_BYTES.upload).toBe(50 * 1024 * 1024);
      process.env.CSAT_MAX_BYTES = "1234";
      expect(resolveMaxBytes("cli")).toBe(1234);
      expect(resolveMaxBytes("upload", 99)).toBe(99);
      process.env.CSAT_MAX_BYTES = "lots";
      expect(() => resolveMaxBytes("cli")).toThrow(/CSAT_MAX_BYTES/);
    } finally {
      if (saved === undefined) delete process.env.CSAT_MAX_BYTES;
      else process.env.CSAT_MAX_BYTES = saved;
    }
  });
});

describe("never throws on arbitrary input", () => {
  const HEADER = "response_id,agent_email,rating,scale_max,responded_at,comment\n";
  const counted = (file: StagedFile | FailedFile) => {
    if (!file.ok) return;
    expect(file.rowsRead).toBe(file.table.count + file.notResponses + file.rejectedCount);
    expect(file.rejected.length).toBe(Math.min(file.rejectedCount, 1000));
  };

  it("arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom<CsatSourceOption>("auto", "csv", "zendesk"),
        async (data, source) => {
          counted(await stage(bytes("fuzz", data), source));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("arbitrary text after a valid header", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), async (body) => {
        counted(await stage({ name: "fuzz.csv", text: HEADER + body }));
      }),
      { numRuns: 150 },
    );
  });

  it("arbitrary JSON values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom<CsatSourceOption>("auto", "zendesk", "freshdesk", "intercom", "helpscout", "chatwoot"),
        async (value, source) => {
          for (const doc of [value, { satisfaction_ratings: [value] }, { conversations: [value] }, [value]]) {
            counted(await stage({ name: "fuzz.json", text: JSON.stringify(doc) }, source));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
