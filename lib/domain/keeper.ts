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

/** Share of submitted reviews answered fight_hard; null when there are none. */
export function keeperRate(answers: readonly (KeeperAnswer | null)[]): number | null {
  const answered = answers.filter((a): a is KeeperAnswer => a !== null);
  if (answered.length === 0) return null;
  return answered.filter(isKeeper).length / answered.length;
}

export function keeperDistribution(
  answers: readonly (KeeperAnswer | null)[],
): Record<KeeperAnswer, number> {
  const out: Record<KeeperAnswer, number> = { fight_hard: 0, keep: 0, unsure: 0, let_go: 0 };
  for (const a of answers) if (a) out[a] += 1;
  return out;
}

/** Steps between two answers on the keeper scale (fight_hard → let_go is 3). */
export function keeperSteps(from: KeeperAnswer, to: KeeperAnswer): number {
  return Math.abs(KEEPER_ANSWERS.indexOf(from) - KEEPER_ANSWERS.indexOf(to));
}
