/** One rating as the fake helpdesks hold it; each vendor's server renders it in its own JSON shape. */
export type FakeRating = {
  id: number;
  agentId: number;
  good: boolean;
  createdAt: number;
  updatedAt: number;
  comment: string | null;
  /** Fields that replace the rendered ones, to serve a malformed record. */
  override?: Record<string, unknown>;
};

export const FAKE_AGENTS = [9001, 9002, 9003] as const;

/** `count` ratings two days apart, ending an hour before `until`, spread over three agents. */
export function makeRatings(count: number, until = Date.now()): FakeRating[] {
  const out: FakeRating[] = [];
  for (let i = 0; i < count; i++) {
    const at = until - 3_600_000 - (count - i) * 2 * 86_400_000;
    out.push({
      id: 70_000 + i,
      agentId: FAKE_AGENTS[i % 3],
      good: i % 4 !== 0,
      createdAt: at,
      updatedAt: at,
      comment: i % 5 === 0 ? `comment ${i}` : null,
    });
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sec = (ms: number) => Math.floor(ms / 1000);

/** Each vendor's documented record shape (the same the file importers read). */
const RENDER = {
  zendesk: (r: FakeRating) => ({
    id: r.id,
    assignee_id: r.agentId,
    group_id: 1,
    ticket_id: r.id + 1,
    score: r.good ? "good" : "bad",
    comment: r.comment,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  }),
  freshdesk: (r: FakeRating) => ({
    id: r.id,
    survey_id: 1,
    agent_id: r.agentId,
    ticket_id: r.id + 1,
    ratings: { default_question: r.good ? 103 : -103 },
    feedback: r.comment,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  }),
  intercom: (r: FakeRating) => ({
    type: "conversation",
    id: String(r.id),
    created_at: sec(r.createdAt),
    updated_at: sec(r.updatedAt),
    conversation_rating: {
      rating: r.good ? 5 : 2,
      remark: r.comment,
      created_at: sec(r.updatedAt),
      teammate: { type: "admin", id: String(r.agentId) },
    },
  }),
  helpscout: (r: FakeRating) => ({
    number: r.id + 1,
    id: r.id * 10,
    type: "email",
    threadid: r.id,
    ratingId: r.good ? 1 : 3,
    ratingUserId: r.agentId,
    ratingComments: r.comment,
    ratingCreatedAt: iso(r.createdAt),
    modifiedAt: iso(r.updatedAt),
  }),
  chatwoot: (r: FakeRating) => ({
    id: r.id,
    rating: r.good ? 5 : 1,
    feedback_message: r.comment,
    assigned_agent: { id: r.agentId, name: `Agent ${r.agentId}` },
    conversation_id: r.id + 1,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  }),
};

/** Each vendor's shape, with a rating's `override` applied. */
export const render = Object.fromEntries(
  Object.entries(RENDER).map(([vendor, fn]) => [vendor, (r: FakeRating) => ({ ...fn(r), ...r.override })]),
) as typeof RENDER;
