import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { csatResponses, csatRollups, helpdeskConnections, identities } from "@/db/schema";
import { connectionFields } from "@/lib/connectors/connection-input";
import type { HttpOptions } from "@/lib/connectors/http";
import { insertConnection } from "@/lib/connectors/store";
import { FAKE_CREDENTIALS, type FakeHelpdesk, type Vendor } from "../../fakes/helpdesk/server";
import { idOf } from "../../helpers/demo";

const FAKE_AGENT_IDS = new Set(["9001", "9002", "9003"]);

export const VENDORS: Vendor[] = ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot"];

/** Retries without real waits, and a short timeout so a slow page fails fast. */
export const FAST_HTTP: HttpOptions = {
  timeoutMs: 1500,
  sleep: async () => {},
  backoff: { maxAttempts: 3, baseMs: 1, capMs: 5, maxTotalMs: 10_000 },
};

/** Agents 9001 and 9002 are Ava and Liam in every helpdesk; 9003 is nobody Keeper knows. */
export async function mapFakeAgents(db: Db, vendor: Vendor): Promise<void> {
  await db
    .insert(identities)
    .values({ source: vendor, externalId: "9001", employeeId: idOf(db, "ava") })
    .onConflictDoNothing();
  await db
    .insert(identities)
    .values({ source: vendor, externalId: "9002", employeeId: idOf(db, "liam") })
    .onConflictDoNothing();
}

export async function connect(vendor: Vendor, fake: FakeHelpdesk, name = `${vendor} test`): Promise<number> {
  const c = FAKE_CREDENTIALS;
  const creds =
    vendor === "zendesk"
      ? { email: c.email, token: c.token }
      : vendor === "helpscout"
        ? { appId: c.appId, appSecret: c.appSecret }
        : { token: c.token };
  const fields = connectionFields.parse({
    name,
    source: vendor,
    baseUrl: fake.url,
    accountId: vendor === "chatwoot" ? c.accountId : undefined,
    ...creds,
  });
  const saved = await insertConnection(fields, null);
  if (!saved.ok) throw new Error(saved.message);
  return saved.id;
}

/** What the talent figures read: every stored response of the source, and the rollups. */
export async function figures(db: Db, vendor: Vendor) {
  const responses = (
    await db
      .select({
        id: csatResponses.sourceRecordId,
        employee: csatResponses.employeeId,
        satisfied: csatResponses.satisfied,
        quarter: csatResponses.quarter,
        raw: csatResponses.rawValue,
        agent: csatResponses.agentExternalId,
      })
      .from(csatResponses)
      .where(eq(csatResponses.source, vendor))
  )
    .filter((r) => FAKE_AGENT_IDS.has(r.agent))
    .sort((a, b) => a.id.localeCompare(b.id));
  const rollups = (await db.select().from(csatRollups)).sort((a, b) => a.employeeId - b.employeeId || a.quarter.localeCompare(b.quarter));
  return { responses, rollups };
}

export const connectionRow = async (db: Db, id: number) =>
  (await db.select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)))[0]!;

/** The fake's ratings as stored (the demo organisation has CSAT of its own from the same sources). */
export const storedFakeRatings = async (db: Db, vendor: Vendor) =>
  (await db.select().from(csatResponses).where(eq(csatResponses.source, vendor))).filter((r) => FAKE_AGENT_IDS.has(r.agentExternalId));
