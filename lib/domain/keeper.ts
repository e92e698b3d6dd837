export const KEEPER_ANSWERS = ["fight_hard", "keep", "unsure", "let_go"] as const;
export type KeeperAnswer = (typeof KEEPER_ANSWERS)[number];

export const KEEPER_LABELS: Record<KeeperAnswer, string> = {
  fight_hard: "Yes, I would fight hard to keep them",
  keep: "I'd be sorry to lose them, but wouldn't fight hard",
  unsure: "Unsure",
  let_go: "No. Time for a candid conversation (and a generous severance)",
};

/** Short labels for tables and charts. */
export const KEEPER_SHORT_LABELS: Record<KeeperAnswer, string> = {
  fight_hard: "Fight hard",
  keep: "Keep",
  unsure: "Unsure",
  let_go: "Let go",
};

export function isKeeper(answer: KeeperAnswer | null | undefined): boolean {
  return answer === "fight_hard";
}

export function keeperQuestion(firstName: string): string {
  return `If ${firstName} told you they were leaving in two months for a similar job at a peer company, would you fight hard to keep them?`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Submitted reviews and how many of them say fight_hard: what SQL sums for a team or a quarter. */
export interface KeeperCounts {
  submitted: number;
  fightHard: number;
}

/**
 * The keeper rate from counts: share of submitted reviews answered fight_hard; null when there
 * are none (0 of 0 is not 0%). Every talent page, the API and the trends use this or keeperRate.
 */
export function keeperRateOf(counts: KeeperCounts | null | undefined): number | null {
  if (!counts || counts.submitted === 0) return null;
  if (!Number.isInteger(counts.submitted) || counts.submitted < 0 || counts.fightHard < 0 || counts.fightHard > counts.submitted) {
    throw new RangeError(`Keeper counts out of range: ${counts.fightHard} of ${counts.submitted}`);
  }
  return counts.fightHard / counts.submitted;
}

/** Share of submitted reviews answered fight_hard; null when there are none. */
export function keeperRate(answers: readonly (KeeperAnswer | null)[]): number | null {
  const answered = answers.filter((a): a is KeeperAnswer => a !== null);
  return keeperRateOf({ submitted: answered.length, fightHard: answered.filter(isKeeper).length });
}

export function keeperDistribution(answers: readonly (KeeperAnswer | null)[]): Record<KeeperAnswer, number> {
  const out: Record<KeeperAnswer, number> = { fight_hard: 0, keep: 0, unsure: 0, let_go: 0 };
  for (const a of answers) if (a) out[a] += 1;
  return out;
}

/** Steps between two answers on the keeper scale (fight_hard → let_go is 3). */
export function keeperSteps(from: KeeperAnswer, to: KeeperAnswer): number {
  return Math.abs(KEEPER_ANSWERS.indexOf(from) - KEEPER_ANSWERS.indexOf(to));
}
