import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exec } from "@/db/raw";
import { quarterRange } from "@/lib/domain/quarter";
import { insertRows, type SeedColumn, type SeedRow } from "./bulk";
import type { Random } from "./random";

const POSITIVE = [
  "Quick and friendly, thank you!",
  "Solved it in one go.",
  "Really listened to me.",
  "Best support chat I've had.",
  "Clear answer, no jargon.",
];
const NEGATIVE = [
  "Had to explain my problem three times.",
  "Took days to get an answer.",
  "Felt like talking to a script.",
  "Issue still not fixed.",
];
const CHANNELS = ["chat", "email", "phone"];

export interface CsatAgent {
  id: number;
  quality: number;
  source: "zendesk" | "freshdesk" | "intercom";
  externalId: string;
}

const CSAT_COLUMNS: readonly SeedColumn[] = [
  { name: "source", type: "text" },
  { name: "source_record_id", type: "text" },
  { name: "agent_external_id", type: "text" },
  { name: "employee_id", type: "integer" },
  { name: "rated_at", type: "bigint" },
  { name: "quarter", type: "text" },
  { name: "satisfied", type: "integer" },
  { name: "raw_value", type: "text" },
  { name: "scale", type: "text" },
  { name: "channel", type: "text" },
  { name: "comment", type: "text" },
  { name: "ticket_ref", type: "text" },
  { name: "updated_at", type: "bigint" },
];

/** Inserts per-response CSAT for each quarter (up to `until` in the current one) and the rollups. */
export async function seedDemoCsat(db: Db, agents: CsatAgent[], quarters: string[], until: number, random: Random): Promise<number> {
  const count = await insertRows(db, "csat_responses", CSAT_COLUMNS, demoCsatRows(agents, quarters, until, random));
  // Ordered, so the rollups get the same ids on both engines.
  await exec(
    db,
    sql`insert into csat_rollups (employee_id, quarter, responses, satisfied)
     select employee_id, quarter, count(*), sum(satisfied) from csat_responses where employee_id is not null
     group by employee_id, quarter order by employee_id, quarter`,
  );
  return count;
}

/** The responses, in CSAT_COLUMNS order; the random draws happen as the rows are read. */
function* demoCsatRows(agents: CsatAgent[], quarters: string[], until: number, random: Random): Generator<SeedRow> {
  let record = 100000;
  for (const quarter of quarters) {
    const { start, end } = quarterRange(quarter);
    const last = Math.min(end, until);
    for (const agent of agents) {
      // A few agents get too few responses to rank, as happens with new or part-time agents.
      const n = agent.id % 11 === 0 ? random.int(3, 9) : random.int(18, 60);
      const p = 0.55 + agent.quality * 0.4;
      for (let i = 0; i < n; i++) {
        const ratedAt = start + Math.floor(random.next() * (last - start));
        const satisfied = random.chance(p);
        const [raw, scale] = rawValue(agent.source, satisfied, random);
        const comment = random.chance(0.35) ? random.pick(satisfied ? POSITIVE : NEGATIVE) : null;
        record += 1;
        yield [
          agent.source,
          String(record),
          agent.externalId,
          agent.id,
          ratedAt,
          quarter,
          satisfied ? 1 : 0,
          raw,
          scale,
          random.pick(CHANNELS),
          comment,
          `T-${record}`,
          ratedAt,
        ];
      }
    }
  }
}

function rawValue(source: CsatAgent["source"], satisfied: boolean, random: Random): [string, string] {
  if (source === "zendesk") return [satisfied ? "good" : "bad", "zendesk"];
  if (source === "freshdesk") return [String(satisfied ? random.int(101, 103) : random.pick([100, -101, -102, -103])), "freshdesk"];
  return [String(satisfied ? random.int(4, 5) : random.int(1, 3)), "5"];
}
