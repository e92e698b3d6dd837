import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quarterOf } from "@/lib/domain/quarter";
import { daysFromCivil, parseTimestamp } from "@/lib/importers/csat/timestamp";

const NOW = Date.UTC(2026, 10, 1);
const ok = (value: unknown) => {
  const result = parseTimestamp(value, NOW);
  if (typeof result !== "number") throw new Error(`expected a time, got ${result.error}`);
  return result;
};
const error = (value: unknown) => {
  const result = parseTimestamp(value, NOW);
  if (typeof result === "number") throw new Error(`expected an error, got ${new Date(result).toISOString()}`);
  return result.error;
};

describe("parseTimestamp", () => {
  it("reads ISO 8601 in UTC", () => {
    expect(ok("2026-08-10T10:00:00Z")).toBe(Date.UTC(2026, 7, 10, 10));
    expect(ok("2026-08-10T10:00Z")).toBe(Date.UTC(2026, 7, 10, 10));
    expect(ok("2026-08-10 10:00:00z")).toBe(Date.UTC(2026, 7, 10, 10));
    expect(ok("2026-08-10T10:00:00.123456Z")).toBe(Date.UTC(2026, 7, 10, 10, 0, 0, 123));
  });

  it("converts offsets to UTC", () => {
    expect(ok("2026-08-11T10:00:00-04:00")).toBe(Date.UTC(2026, 7, 11, 14));
    expect(ok("2026-08-11T10:00:00+0530")).toBe(Date.UTC(2026, 7, 11, 4, 30));
    expect(ok("2026-08-11T10:00:00+02")).toBe(Date.UTC(2026, 7, 11, 8));
    expect(ok("2026-08-11T10:00:00+00:00")).toBe(Date.UTC(2026, 7, 11, 10));
  });

  it("puts responses in the UTC quarter, whatever the offset", () => {
    expect(quarterOf(ok("2026-09-30T23:30:00-02:00"))).toBe("2026-Q4");
    expect(quarterOf(ok("2026-10-01T00:30:00+02:00"))).toBe("2026-Q3");
    expect(quarterOf(ok("2026-03-31T23:59:59Z"))).toBe("2026-Q1");
    expect(quarterOf(ok("2026-04-01T00:00:00Z"))).toBe("2026-Q2");
    expect(quarterOf(ok("2025-12-31T20:00:00-05:00"))).toBe("2026-Q1");
  });

  it("accepts Unix seconds as a number or as digits", () => {
    expect(ok(1785060000)).toBe(1785060000_000);
    expect(ok("1785060000")).toBe(1785060000_000);
    expect(ok(" 1785060000.5 ")).toBe(1785060000_500);
  });

  it.each<[unknown, string]>([
    ["2026-08-10T10:00:00", "no time zone"],
    ["2026-08-10", "a date only"],
    ["10/08/2026 10:00", "a local format"],
    ["2026-02-30T10:00:00Z", "30 February"],
    ["2026-13-01T10:00:00Z", "month 13"],
    ["2026-08-10T24:00:00Z", "hour 24"],
    ["2026-08-10T10:60:00Z", "minute 60"],
    ["2026-08-10T10:00:00+15:00", "an impossible offset"],
    ["yesterday", "words"],
    [true, "a boolean"],
    [{}, "an object"],
    [-5, "a negative number"],
    [Number.POSITIVE_INFINITY, "infinity"],
  ])("rejects %s (%s)", (value) => {
    expect(error(value)).toMatch(/is not a timestamp/);
  });

  it("accepts 29 February only in leap years", () => {
    expect(ok("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(error("2025-02-29T00:00:00Z")).toMatch(/not a timestamp/);
  });

  it("rejects the future beyond one day, and implausibly old times", () => {
    expect(ok(new Date(NOW + 23 * 3_600_000).toISOString())).toBe(NOW + 23 * 3_600_000);
    expect(error(new Date(NOW + 25 * 3_600_000).toISOString())).toMatch(/in the future/);
    expect(error("99999999999999999999")).toMatch(/in the future/);
    expect(error(0)).toMatch(/before 2000/);
    expect(error("1999-12-31T23:59:59Z")).toMatch(/before 2000/);
  });

  it("agrees with Date.parse on any instant, written canonically or with an offset", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: NOW }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        expect(ok(new Date(seconds).toISOString().replace(".000Z", "Z"))).toBe(seconds);
        const local = new Date(seconds + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? "-" : "+";
        const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
        expect(ok(local + zone)).toBe(seconds);
      }),
    );
  });

  it("calls a blank value empty", () => {
    expect(error("  ")).toBe("is empty");
  });
});

describe("the YYYY-MM-DDTHH:MM:SSZ fast path", () => {
  it("gives exactly what Date.UTC and Date.parse give", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
        (date) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
          const text = date.toISOString().replace(/\.\d{3}Z$/, "Z");
          if (y >= 2000) expect(parseTimestamp(text, Date.UTC(10_000, 0, 1))).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
