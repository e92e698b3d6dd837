import { describe, expect, it } from "vitest";
import {
  GENERIC_SCALES,
  isSatisfied,
  rateChatwoot,
  rateFreshdesk,
  rateGeneric,
  rateHelpScout,
  rateIntercom,
  rateZendesk,
  type RatingVerdict,
} from "@/lib/domain/csat";

const satisfied = (v: RatingVerdict) => (v.kind === "response" ? v.satisfied : v.kind);

describe("Zendesk score", () => {
  it("counts good as satisfied and bad as a dissatisfied response", () => {
    expect(rateZendesk("good")).toEqual({ kind: "response", satisfied: true, rawValue: "good", scale: "good/bad" });
    expect(rateZendesk("bad")).toEqual({ kind: "response", satisfied: false, rawValue: "bad", scale: "good/bad" });
    expect(satisfied(rateZendesk(" Good "))).toBe(true);
  });
  it("does not count offered or unoffered surveys as responses", () => {
    expect(rateZendesk("offered").kind).toBe("not_response");
    expect(rateZendesk("unoffered").kind).toBe("not_response");
  });
  it.each([["great"], [5], [null], [undefined], [""]])("rejects %s", (score) => {
    expect(rateZendesk(score).kind).toBe("invalid");
  });
});

describe("Freshdesk default_question (-103..103)", () => {
  it.each([101, 102, 103, "103"])("%s is satisfied", (v) => expect(satisfied(rateFreshdesk(v))).toBe(true));
  it("100 is neutral: a response, not satisfied", () => {
    expect(rateFreshdesk(100)).toEqual({ kind: "response", satisfied: false, rawValue: "100", scale: "-103..103" });
  });
  it.each([-101, -102, -103, 0])("%s is a dissatisfied response", (v) => expect(satisfied(rateFreshdesk(v))).toBe(false));
  it.each([104, -104, 100.5, "happy", null])("%s is rejected", (v) => expect(rateFreshdesk(v).kind).toBe("invalid"));
});

describe.each([
  ["Intercom", rateIntercom],
  ["Chatwoot", rateChatwoot],
])("%s rating (1-5)", (_name, rate) => {
  it("4 and 5 are satisfied, 1 to 3 are not", () => {
    expect([1, 2, 3, 4, 5].map((r) => satisfied(rate(r)))).toEqual([false, false, false, true, true]);
    expect(rate(4)).toMatchObject({ rawValue: "4", scale: "1-5" });
  });
  it.each([0, 6, 4.5, "four", null])("%s is rejected", (v) => expect(rate(v).kind).toBe("invalid"));
});

describe("Help Scout ratingId", () => {
  it("only 1 (Great) is satisfied; 2 Okay and 3 Not Good are not", () => {
    expect([1, 2, 3].map((r) => satisfied(rateHelpScout(r)))).toEqual([true, false, false]);
  });
  it.each([0, 4, "great", null])("%s is rejected", (v) => expect(rateHelpScout(v).kind).toBe("invalid"));
});

describe("generic CSV scales", () => {
  const table: [number, number[]][] = [
    [2, [2]],
    [3, [3]],
    [4, [3, 4]],
    [5, [4, 5]],
    [7, [6, 7]],
    [10, [9, 10]],
  ];
  it.each(table)("%i-point: satisfied exactly for %j", (max, top) => {
    for (let rating = 1; rating <= max; rating++) {
      const verdict = rateGeneric(String(rating), String(max));
      expect(verdict).toMatchObject({ kind: "response", satisfied: top.includes(rating), scale: `1-${max}` });
    }
    expect(rateGeneric(0, max)).toMatchObject({ kind: "invalid", reason: expect.stringContaining("outside the 1-") });
    expect(rateGeneric(max + 1, max)).toMatchObject({ kind: "invalid", reason: expect.stringContaining(`outside the 1-${max} scale`) });
  });
  it("knows exactly the DESIGN scales", () => {
    expect([...GENERIC_SCALES.keys()]).toEqual([2, 3, 4, 5, 7, 10]);
  });
  it.each([1, 6, 8, 9, 11, 100, "five", "", null])("scale_max %s is an unknown scale", (max) => {
    expect(rateGeneric(3, max)).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/scale_max/) });
  });
  it("accepts whole numbers written as 4.0 and with spaces, not fractions", () => {
    expect(satisfied(rateGeneric(" 4.0 ", "5"))).toBe(true);
    expect(rateGeneric("4.5", "5").kind).toBe("invalid");
  });
});

describe("isSatisfied", () => {
  it("answers per source, null for non-responses and invalid values", () => {
    expect(isSatisfied("zendesk", "good")).toBe(true);
    expect(isSatisfied("zendesk", "offered")).toBeNull();
    expect(isSatisfied("freshdesk", 100)).toBe(false);
    expect(isSatisfied("helpscout", 1)).toBe(true);
    expect(isSatisfied("csv", 9, 10)).toBe(true);
    expect(isSatisfied("csv", 8, 10)).toBe(false);
    expect(isSatisfied("csv", 3, 6)).toBeNull();
    expect(isSatisfied("intercom", 9)).toBeNull();
  });
});
