import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chatwoot } from "@/lib/importers/csat/chatwoot";
import { freshdesk } from "@/lib/importers/csat/freshdesk";
import { helpscout } from "@/lib/importers/csat/helpscout";
import { intercom } from "@/lib/importers/csat/intercom";
import type { JsonSource } from "@/lib/importers/csat/json-source";
import type { RowOutcome } from "@/lib/importers/csat/types";
import { zendesk } from "@/lib/importers/csat/zendesk";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "csat");
const NOW = Date.UTC(2026, 10, 1);
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
const run = (source: JsonSource, doc: unknown): RowOutcome[] => source.records(doc)!.map((r, i) => source.normalize(r, i, { now: NOW }));
const one = (source: JsonSource, record: unknown): RowOutcome => source.normalize(record, 0, { now: NOW });

describe("Zendesk satisfaction ratings", () => {
  it("reads the fixture: good and bad are responses, offered is not, unknown assignee kept", () => {
    const outcomes = run(zendesk, fixture("zendesk.json"));
    expect(outcomes.map((o) => o.kind)).toEqual(["response", "response", "not_response", "response"]);
    expect(outcomes[0]).toEqual({
      kind: "response",
      record: {
        source: "zendesk",
        sourceRecordId: "35436",
        agentExternalId: "361",
        ratedAt: Date.parse("2026-07-20T22:55:29Z"),
        satisfied: true,
        rawValue: "good",
        scale: "good/bad",
        channel: null,
        comment: "Awesome support!",
        ticketRef: "208",
        updatedAt: Date.parse("2026-07-20T22:55:29Z"),
      },
    });
    expect(outcomes[1]).toMatchObject({ record: { satisfied: false, agentExternalId: "362" } });
    expect(outcomes[3]).toMatchObject({ record: { agentExternalId: "999", comment: null } });
  });

  it("rejects by record id, and an unanswered survey is never a rejection", () => {
    expect(one(zendesk, { id: 7, score: "good", created_at: "2026-07-20T00:00:00Z" })).toEqual({
      kind: "rejected",
      ref: "record 7",
      reason: "missing assignee_id (no agent to credit)",
    });
    expect(one(zendesk, { id: 8, score: "offered" }).kind).toBe("not_response");
    expect(one(zendesk, { id: 9, score: "meh", assignee_id: 1, created_at: "2026-07-20T00:00:00Z" })).toMatchObject({
      ref: "record 9",
      reason: expect.stringContaining("unknown Zendesk score 'meh'"),
    });
    expect(one(zendesk, { score: "good", assignee_id: 1 })).toMatchObject({ ref: "record #1", reason: "missing id" });
    expect(one(zendesk, 42)).toEqual({ kind: "rejected", ref: "record #1", reason: "is not a JSON object" });
  });

  it("keeps updated_at apart from created_at", () => {
    const o = one(zendesk, { id: 1, score: "bad", assignee_id: 5, created_at: "2026-07-20T00:00:00Z", updated_at: "2026-07-25T00:00:00Z" });
    expect(o).toMatchObject({ record: { ratedAt: Date.UTC(2026, 6, 20), updatedAt: Date.UTC(2026, 6, 25) } });
    const bad = one(zendesk, { id: 1, score: "bad", assignee_id: 5, created_at: "2026-07-20T00:00:00Z", updated_at: "soon" });
    expect(bad).toMatchObject({ kind: "rejected", reason: expect.stringMatching(/^updated_at 'soon' is not a timestamp/) });
  });
});

describe("Freshdesk satisfaction ratings", () => {
  it("reads the fixture: 103 satisfied, neutral 100 and -102 not", () => {
    const outcomes = run(freshdesk, fixture("freshdesk.json"));
    expect(outcomes.map((o) => (o.kind === "response" ? [o.record.rawValue, o.record.satisfied] : o.kind))).toEqual([
      ["103", true],
      ["100", false],
      ["-102", false],
    ]);
    expect(outcomes[0]).toMatchObject({
      record: { agentExternalId: "42001", ticketRef: "301", comment: "Very helpful, thanks", scale: "-103..103" },
    });
    expect(outcomes[1]).toMatchObject({ record: { comment: null } });
  });

  it("rejects a rating outside -103..103 or without ratings", () => {
    const base = { id: 1, agent_id: 2, created_at: "2026-08-03T09:15:00Z" };
    expect(one(freshdesk, { ...base, ratings: { default_question: 104 } })).toMatchObject({
      reason: expect.stringContaining("outside -103..103"),
    });
    expect(one(freshdesk, base)).toMatchObject({ reason: expect.stringContaining("is missing") });
  });
});

describe("Intercom conversations", () => {
  it("reads the fixture: Unix seconds, teammate id, unrated conversation is not a response", () => {
    const outcomes = run(intercom, fixture("intercom.json"));
    expect(outcomes.map((o) => o.kind)).toEqual(["response", "response", "not_response"]);
    expect(outcomes[0]).toMatchObject({
      record: { sourceRecordId: "147", agentExternalId: "7b1f", ratedAt: 1785060000_000, satisfied: true, comment: "Kim was lovely" },
    });
    expect(outcomes[1]).toMatchObject({ record: { satisfied: false, comment: null } });
  });

  it("treats an unanswered rating request as no response, and a missing teammate as a rejection", () => {
    expect(one(intercom, { id: "1", conversation_rating: { rating: null } }).kind).toBe("not_response");
    expect(one(intercom, { id: "1", conversation_rating: { rating: 5, created_at: 1785060000 } })).toMatchObject({
      ref: "record 1",
      reason: expect.stringContaining("conversation_rating.teammate.id"),
    });
  });
});

describe("Help Scout ratings", () => {
  it("reads the fixture: Great is satisfied, Not Good is not; ticket is the conversation number", () => {
    const outcomes = run(helpscout, fixture("helpscout.json"));
    expect(outcomes[0]).toMatchObject({
      record: { sourceRecordId: "560001", agentExternalId: "811", satisfied: true, ticketRef: "1201", channel: "email", rawValue: "1" },
    });
    expect(outcomes[1]).toMatchObject({ record: { agentExternalId: "812", satisfied: false } });
  });

  it("rejects an unknown ratingId", () => {
    expect(one(helpscout, { threadid: 5, ratingId: 4, ratingUserId: 1, ratingCreatedAt: "2026-09-01T12:00:00Z" })).toMatchObject({
      ref: "record 5",
      reason: expect.stringContaining("ratingId 4"),
    });
  });
});

describe("Chatwoot CSAT responses", () => {
  it("reads the fixture", () => {
    const outcomes = run(chatwoot, fixture("chatwoot.json"));
    expect(outcomes[0]).toMatchObject({ record: { sourceRecordId: "501", agentExternalId: "12", satisfied: true, ticketRef: "77" } });
    expect(outcomes[1]).toMatchObject({ record: { agentExternalId: "13", satisfied: false, comment: "no answer" } });
  });

  it("reads the API's expanded agent and payload wrapper", () => {
    const doc = { payload: [{ id: 9, rating: 5, assigned_agent: { id: 44 }, created_at: "2026-09-10T08:00:00Z" }] };
    expect(run(chatwoot, doc)[0]).toMatchObject({ record: { agentExternalId: "44", satisfied: true } });
  });
});
