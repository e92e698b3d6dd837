import { describe, it, expect } from "vitest";
import { buildKeeperGrid, gridCell, gridCells, type GridPerson } from "@/lib/domain/keeper-grid";

function person(employeeId: number, name: string, keeperAnswer: GridPerson["keeperAnswer"], band: GridPerson["band"]): GridPerson {
  return { employeeId, name, email: `${name.toLowerCase().replace(/\s+/g, ".")}@demo.keeper.test`, keeperAnswer, band };
}

describe("buildKeeperGrid", () => {
  it("has all 16 cells in row and column order even when empty", () => {
    const grid = buildKeeperGrid([]);
    expect(grid.rows.map((r) => r.keeperAnswer)).toEqual(["fight_hard", "keep", "unsure", "let_go"]);
    for (const row of grid.rows) {
      expect(row.cells.map((c) => c.band)).toEqual(["below", "in_line", "above", "too_few"]);
      for (const cell of row.cells) {
        expect(cell.keeperAnswer).toBe(row.keeperAnswer);
        expect(cell.people).toEqual([]);
      }
    }
    const cells = gridCells(grid);
    expect(cells).toHaveLength(16);
    expect([cells[0].keeperAnswer, cells[0].band]).toEqual(["fight_hard", "below"]);
    expect([cells[15].keeperAnswer, cells[15].band]).toEqual(["let_go", "too_few"]);
    expect(grid.unanswered).toEqual([]);
  });

  it("puts each person in the cell for their answer and band, sorted by name", () => {
    const people = [
      person(1, "Noah Berg", "fight_hard", "above"),
      person(2, "ava Lind", "fight_hard", "above"),
      person(3, "Liam Park", "unsure", "too_few"),
      person(4, "Mia Chen", "fight_hard", "below"),
      person(5, "Ben Ortiz", "fight_hard", "above"),
    ];
    const grid = buildKeeperGrid(people);
    expect(gridCell(grid, "fight_hard", "above").people.map((p) => p.name)).toEqual(["ava Lind", "Ben Ortiz", "Noah Berg"]);
    expect(gridCell(grid, "fight_hard", "below").people.map((p) => p.employeeId)).toEqual([4]);
    expect(gridCell(grid, "unsure", "too_few").people.map((p) => p.employeeId)).toEqual([3]);
    expect(gridCells(grid).reduce((n, c) => n + c.people.length, 0)).toBe(5);
  });

  it("orders equal names by email, then id, and numbered names numerically", () => {
    const grid = buildKeeperGrid([
      { employeeId: 9, name: "Agent 10", email: "a10@x.test", keeperAnswer: "keep", band: "in_line" },
      { employeeId: 8, name: "Sam Lee", email: "sam.b@x.test", keeperAnswer: "keep", band: "in_line" },
      { employeeId: 7, name: "Sam Lee", email: "sam.a@x.test", keeperAnswer: "keep", band: "in_line" },
      { employeeId: 6, name: "Agent 2", email: "a2@x.test", keeperAnswer: "keep", band: "in_line" },
    ]);
    expect(gridCell(grid, "keep", "in_line").people.map((p) => p.employeeId)).toEqual([6, 9, 7, 8]);
  });

  it("lists people without a submitted answer separately, sorted by name", () => {
    const grid = buildKeeperGrid([
      person(1, "Zoe Park", null, "above"),
      person(2, "Ava Lind", "keep", "in_line"),
      person(3, "Eli Moss", null, "too_few"),
    ]);
    expect(grid.unanswered.map((p) => p.name)).toEqual(["Eli Moss", "Zoe Park"]);
    expect(
      gridCells(grid)
        .flatMap((c) => c.people)
        .map((p) => p.employeeId),
    ).toEqual([2]);
  });

  it("carries extra fields through to the cells", () => {
    const grid = buildKeeperGrid([{ ...person(1, "Ava Lind", "let_go", "below"), team: "Portland" }]);
    expect(gridCell(grid, "let_go", "below").people[0].team).toBe("Portland");
  });

  it("does not reorder the input", () => {
    const people = [person(1, "Zoe", null, "above"), person(2, "Ava", null, "above")];
    buildKeeperGrid(people);
    expect(people.map((p) => p.employeeId)).toEqual([1, 2]);
  });

  it("fails loudly on an unknown answer or band instead of dropping the person", () => {
    const bad = { ...person(1, "Ava", "keep", "in_line"), keeperAnswer: "maybe" } as unknown as GridPerson;
    expect(() => buildKeeperGrid([bad])).toThrow(RangeError);
    const badBand = { ...person(1, "Ava", "keep", "in_line"), band: "great" } as unknown as GridPerson;
    expect(() => buildKeeperGrid([badBand])).toThrow(RangeError);
  });
});
