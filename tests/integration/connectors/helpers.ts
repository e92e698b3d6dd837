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
export function mapFakeAgents(db: Db, vendor: Vendor): void {
  db.insert(identities)
    .values({ source: vendor, externalId: "9001", employeeId: idOf(db, "ava") })
    .onConflictDoNothing()
    .run();
  db.insert(identities)
    .values({ source: vendor, externalId: "9002", employeeId: idOf(db, "liam") })
    .onConflictDoNothing()
    .run();
}

export function connect(vendor: Vendor, fake: FakeHelpdesk, name = `${vendor} test`): number {
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
  const saved = insertConnection(fields, null);
  if (!saved.ok) throw new Error(saved.message);
  return saved.id;
}

/** What the talent figures read: every stored response of the source, and the rollups. */
export function figures(db: Db, vendor: Vendor) {
  const responses = db
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
    .all()
    .filter((r) => FAKE_AGENT_IDS.has(r.agent))
    .sort((a, b) => a.id.localeCompare(b.id));
  const rollups = db
    .select()
    .from(csatRollups)
    .all()
    .sort((a, b) => a.employeeId - b.employeeId || a.quarter.localeCompare(b.quarter));
  return { responses, rollups };
}

export const connectionRow = (db: Db, id: number) => db.select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)).get()!;

/** The fake's ratings as stored (the demo organisation has CSAT of its own from the same sources). */
export const storedFakeRatings = (db: Db, vendor: Vendor) =>
  db
    .select()
    .from(csatResponses)
    .where(eq(csatResponses.source, vendor))
    .all()
    .filter((r) => FAKE_AGENT_IDS.has(r.agentExternalId));
