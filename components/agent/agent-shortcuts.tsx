import Link from "next/link";
import { Card } from "@/components/ui/card";

/** An agent's home: where their own side of Keeper lives, with what needs them first. */
export function AgentShortcuts({
  reflection,
  unacknowledged,
}: {
  reflection: { cycleKey: string; written: boolean } | null;
  unacknowledged: number;
}) {
  const items = [
    ...(reflection && !reflection.written
      ? [
          {
            href: "/feedback",
            title: `Write your ${reflection.cycleKey} self-reflection`,
            text: "Tell your manager what you're proud of and what you want to get better at, before they write your review.",
            urgent: true,
          },
        ]
      : []),
    {
      href: "/feedback",
      title: "My feedback",
      text:
        unacknowledged > 0
          ? `${unacknowledged} released review${unacknowledged === 1 ? "" : "s"} to read and acknowledge.`
          : "Your reviews, quarter by quarter, and how your traits moved.",
      urgent: unacknowledged > 0,
    },
    {
      href: "/customers",
      title: "My customers",
      text: "Your CSAT each quarter next to the organisation's, and what your customers wrote.",
      urgent: false,
    },
    {
      href: "/checkins",
      title: "Ask for a keeper check-in",
      text: "Ask your manager, any time: if you were leaving, how hard would they work to change your mind?",
      urgent: false,
    },
  ];
  return (
    <Card title="Your side of Keeper">
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((i) => (
          <li key={i.title}>
            <Link
              href={i.href}
              className={`block h-full rounded-md border p-3 hover:bg-slate-50 ${i.urgent ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
            >
              <span className="font-semibold text-brand-700 underline-offset-2">{i.title}</span>
              <span className="mt-1 block text-sm text-slate-800">{i.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
