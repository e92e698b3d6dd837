/**
 * The keeper × CSAT grid (DESIGN.md, "Talent review"): what the manager says about a person
 * (rows: the four keeper answers) next to what customers say (columns: the CSAT bands).
 * Calibration conversations start from the off-diagonal cells, so the grid always has all 16
 * cells, even empty ones: an empty "fight hard / below" cell is information too.
 */
import { KEEPER_ANSWERS, type KeeperAnswer } from "@/lib/domain/keeper";
import { CSAT_BANDS, type CsatBand } from "@/lib/domain/csat-band";

export interface GridPerson {
  employeeId: number;
  name: string;
  email: string;
  /**
   * The keeper answer of the person's *submitted* review for the cycle, or null when the review
   * is not started or still a draft. Drafts must be passed as null: an unsubmitted answer can
   * still change and is not the manager's answer yet.
   */
  keeperAnswer: KeeperAnswer | null;
  band: CsatBand;
}

export interface KeeperGridCell<P extends GridPerson = GridPerson> {
  keeperAnswer: KeeperAnswer;
  band: CsatBand;
  people: P[];
}

export interface KeeperGridRow<P extends GridPerson = GridPerson> {
  keeperAnswer: KeeperAnswer;
  /** One cell per band, in CSAT_BANDS order (below, in_line, above, too_few). */
  cells: KeeperGridCell<P>[];
}

export interface KeeperGrid<P extends GridPerson = GridPerson> {
  /** One row per keeper answer, in KEEPER_ANSWERS order (fight_hard first). */
  rows: KeeperGridRow<P>[];
  /** People without a submitted keeper answer, sorted by name. Not in any cell. */
  unanswered: P[];
}

// Fixed locale so the order doesn't depend on the server's or browser's settings; base
// sensitivity so "ava" and "Ava" sort together; numeric so "Agent 2" comes before "Agent 10".
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** By name, then email, then id: a total order, so the same data always renders the same way. */
export function compareByName(a: GridPerson, b: GridPerson): number {
  return collator.compare(a.name, b.name) || collator.compare(a.email, b.email) || a.employeeId - b.employeeId;
}

/**
 * Builds the grid. Generic in the person type so callers can carry extra display fields (team,
 * manager, CSAT figure) through to the cells without a second lookup.
 */
export function buildKeeperGrid<P extends GridPerson>(people: readonly P[]): KeeperGrid<P> {
  const rows: KeeperGridRow<P>[] = KEEPER_ANSWERS.map((keeperAnswer) => ({
    keeperAnswer,
    cells: CSAT_BANDS.map((band) => ({ keeperAnswer, band, people: [] as P[] })),
  }));
  const unanswered: P[] = [];
  for (const person of people) {
    if (person.keeperAnswer === null) {
      unanswered.push(person);
      continue;
    }
    const row = KEEPER_ANSWERS.indexOf(person.keeperAnswer);
    const column = CSAT_BANDS.indexOf(person.band);
    // Unknown keys can only come from untyped data (a bad row or a stale enum): fail loudly
    // rather than drop a person from the grid without anyone noticing.
    if (row < 0) throw new RangeError(`Unknown keeper answer: ${String(person.keeperAnswer)}`);
    if (column < 0) throw new RangeError(`Unknown CSAT band: ${String(person.band)}`);
    rows[row].cells[column].people.push(person);
  }
  for (const row of rows) for (const cell of row.cells) cell.people.sort(compareByName);
  unanswered.sort(compareByName);
  return { rows, unanswered };
}

/** The cell for one keeper answer and band (always present). */
export function gridCell<P extends GridPerson>(grid: KeeperGrid<P>, keeperAnswer: KeeperAnswer, band: CsatBand): KeeperGridCell<P> {
  return grid.rows[KEEPER_ANSWERS.indexOf(keeperAnswer)].cells[CSAT_BANDS.indexOf(band)];
}

/** All 16 cells, row by row (fight_hard/below first, let_go/too_few last). */
export function gridCells<P extends GridPerson>(grid: KeeperGrid<P>): KeeperGridCell<P>[] {
  return grid.rows.flatMap((row) => row.cells);
}
