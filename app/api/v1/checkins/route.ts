import { json, withViewer } from "@/lib/api/respond";
import { checkinStatsByManager, listCheckinsToAnswer, listMyCheckins, type CheckinView } from "@/lib/dal/checkins";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function checkinJson(c: CheckinView) {
  return {
    id: c.id,
    agent: c.agent,
    manager: c.manager,
    askedAt: iso(c.askedAt),
    message: c.message,
    answeredAt: iso(c.answeredAt),
    answer: c.answer,
    note: c.note,
  };
}

/** The caller's own check-ins and those addressed to them; HR also gets per-manager counts (no content). */
export function GET(request: Request) {
  return withViewer(request, async (viewer) => {
    const [mine, addressed] = await Promise.all([listMyCheckins(), listCheckinsToAnswer()]);
    const stats = viewer.isHr ? await checkinStatsByManager() : null;
    return json({
      asked: mine.checkins.map(checkinJson),
      toAnswer: addressed.pending.map(checkinJson),
      answered: addressed.answered.map(checkinJson),
      ...(stats ? { perManager: stats.map((s) => ({ ...s, oldestOpenAskedAt: iso(s.oldestOpenAskedAt) })) } : {}),
    });
  });
}
