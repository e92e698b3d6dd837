import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectSource } from "@/lib/importers/csat/detect";

const text = (name: string) => readFileSync(`${process.cwd()}/tests/fixtures/csat/${name}`, "utf8");

describe("detectSource", () => {
  it.each([
    ["zendesk.json", "zendesk"],
    ["freshdesk.json", "freshdesk"],
    ["intercom.json", "intercom"],
    ["helpscout.json", "helpscout"],
    ["chatwoot.json", "chatwoot"],
    ["generic.csv", "csv"],
  ])("%s is %s", (file, source) => {
    expect(detectSource(text(file))).toBe(source);
  });

  it("sees through a byte-order mark and leading white space", () => {
    expect(detectSource("\uFEFF  \n" + text("zendesk.json"))).toBe("zendesk");
  });

  it("returns null for empty text, invalid JSON and JSON of unknown shape", () => {
    expect(detectSource("")).toBeNull();
    expect(detectSource(" \n")).toBeNull();
    expect(detectSource("{ nope")).toBeNull();
    expect(detectSource('{"tickets": []}')).toBeNull();
    expect(detectSource("[1, 2, 3]")).toBeNull();
  });
});
