import type { KeeperAnswer } from "@/lib/domain/keeper";
import type { Random } from "./random";

/** Plausible review content for a demo agent of a given quality (0..1). */
export function demoKeeperAnswer(quality: number, random: Random): KeeperAnswer {
  const q = quality + (random.next() - 0.5) * 0.25;
  if (q > 0.72) return "fight_hard";
  if (q > 0.5) return "keep";
  if (q > 0.33) return "unsure";
  return "let_go";
}

export function demoRating(quality: number, random: Random): number {
  return Math.max(1, Math.min(5, Math.round(1 + quality * 4 + (random.next() - 0.5) * 1.6)));
}

const REASONS: Record<KeeperAnswer, string[]> = {
  fight_hard: [
    "Customers ask for them by name and the team leans on them for the hardest tickets.",
    "Consistently turns angry customers into fans; losing them would hurt the whole team.",
    "Owns every issue to the end and coaches newer agents without being asked.",
  ],
  keep: [
    "Reliable and well liked; solid work but not yet someone the team depends on.",
    "Good with customers, still growing on complex cases.",
  ],
  unsure: [
    "Quality varies week to week; we have talked about consistency.",
    "Strong on chat, struggles on phone escalations; too early to say.",
  ],
  let_go: [
    "Repeated hand-offs without reason and customers coming back unresolved despite coaching.",
    "Tone with customers has been an issue for two quarters; time for a candid conversation.",
  ],
};

const SUMMARIES = [
  "You made a real difference to our customers this quarter. Keep doing what works, and let's pick one trait to grow next quarter.",
  "A steady quarter. Your customers feel looked after; the next step is owning the tricky cases end to end.",
  "Thank you for your work this quarter. We agreed to focus on keeping answers short and clear; I'll support you with pairing sessions.",
  "Customers notice your warmth. Let's work together on following through until every issue is solved.",
];

const COMMENTS = ["Great example this quarter with an escalated billing case.", "Keep it up.", "We discussed this in our one-to-one.", ""];

export function demoReason(answer: KeeperAnswer, random: Random): string {
  return random.pick(REASONS[answer]);
}
export function demoSummary(random: Random): string {
  return random.pick(SUMMARIES);
}
export function demoComment(random: Random): string {
  return random.pick(COMMENTS);
}
export function demoPrivateNote(answer: KeeperAnswer): string {
  return answer === "let_go" || answer === "unsure"
    ? "Discussed with HR; a performance plan is being considered."
    : "Candidate for senior agent if the next quarter is as strong.";
}
