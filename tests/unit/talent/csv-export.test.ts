import { describe, it, expect } from "vitest";
import { CSV_LINE_END, csvField, toCsv } from "@/lib/domain/csv-export";

describe("csvField", () => {
  it("writes plain text and numbers as they are, null as empty", () => {
    expect(csvField("Ava Lind")).toBe("Ava Lind");
    expect(csvField(42)).toBe("42");
    expect(csvField(0.8125)).toBe("0.8125");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });

  it.each([
    ["=", "=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+", "+1 555 0100", "'+1 555 0100"],
    ["-", "-3 pp", "'-3 pp"],
    ["@", "@SUM(A1)", "'@SUM(A1)"],
  ])("prefixes text starting with %s", (_char, input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("prefixes text starting with a tab", () => {
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
  });

  it("prefixes text starting with a carriage return, and quotes it", () => {
    expect(csvField("\r=1+1")).toBe('"\'\r=1+1"');
  });

  it("only looks at the first character", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("Ava - team lead")).toBe("Ava - team lead");
    expect(csvField("ava@demo.keeper.test")).toBe("ava@demo.keeper.test");
  });

  it("does not prefix numbers, even negative ones", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(-0.05)).toBe("-0.05");
  });

  it("quotes cells with a comma, quote, CR or LF, doubling quotes", () => {
    expect(csvField("Lind, Ava")).toBe('"Lind, Ava"');
    expect(csvField('She said "thanks"')).toBe('"She said ""thanks"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("quotes a cell with both a comma and a newline", () => {
    expect(csvField("Great call,\nwould fight hard")).toBe('"Great call,\nwould fight hard"');
  });

  it("defuses and quotes a formula that also needs quotes", () => {
    expect(csvField('=HYPERLINK("http://x.test","click")')).toBe('"\'=HYPERLINK(""http://x.test"",""click"")"');
  });

  it("refuses numbers that are not finite", () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("writes headers and rows with CRLF after every line", () => {
    expect(CSV_LINE_END).toBe("\r\n");
    const csv = toCsv(
      ["name", "keeper_answer", "csat", "reason"],
      [
        ["Ava Lind", "fight_hard", 0.9, "Customers ask for her by name, every week"],
        ["Liam Park", null, -1, "=cmd|' /C calc'!A0"],
      ],
    );
    expect(csv).toBe(
      "name,keeper_answer,csat,reason\r\n" +
        'Ava Lind,fight_hard,0.9,"Customers ask for her by name, every week"\r\n' +
        "Liam Park,,-1,'=cmd|' /C calc'!A0\r\n",
    );
  });

  it("defuses headers too", () => {
    expect(toCsv(["-name"], [])).toBe("'-name\r\n");
  });

  it("writes only the header line when there are no rows", () => {
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("keeps a multi-line quoted cell intact inside a CRLF file", () => {
    expect(toCsv(["comment"], [["first,\r\nsecond"]])).toBe('comment\r\n"first,\r\nsecond"\r\n');
  });

  it("refuses rows that don't match the headers", () => {
    expect(() => toCsv(["a", "b"], [["only one"]])).toThrow(/row 1 has 1 cells, expected 2/);
    expect(() => toCsv(["a"], [["x"], ["y", "z"]])).toThrow(/row 2/);
  });
});
