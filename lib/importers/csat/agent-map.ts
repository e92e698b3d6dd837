import type { Database } from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/raw";
import type { CsatSource } from "./types";

/**
 * Which employee each source's agent id names: `identities`, and for the generic CSV the
 * employee's own email as well. Loaded once per import (an organisation has thousands of
 * agents, an import up to millions of rows), so the per-row lookup is a Map hit, not a query.
 */
export class AgentMap {
  private readonly bySource = new Map<string, Map<string, number>>();

  /** SQLite, synchronously, inside the import's transaction. */
  static load(client: Database): AgentMap {
    const emails = client.prepare("SELECT id, lower(email) FROM employees").raw().all() as [number, string][];
    const identities = client.prepare("SELECT source, external_id, employee_id FROM identities").raw().all() as [string, string, number][];
    return AgentMap.from(emails, identities);
  }

  /** Either engine, through the given database or transaction. */
  static async read(db: Db): Promise<AgentMap> {
    const emails = await rows<{ id: number; email: string }>(db, sql`SELECT id, lower(email) AS email FROM employees`);
    const identities = await rows<{ source: string; external_id: string; employee_id: number }>(
      db,
      sql`SELECT source, external_id, employee_id FROM identities`,
    );
    return AgentMap.from(
      emails.map((e) => [e.id, e.email]),
      identities.map((i) => [i.source, i.external_id, i.employee_id]),
    );
  }

  static from(emails: [number, string][], identities: [string, string, number][]): AgentMap {
    const map = new AgentMap();
    for (const [id, email] of emails) map.set("csv", email, id);
    // An explicit identity wins over a matching email.
    for (const [source, externalId, employeeId] of identities) {
      map.set(source, source === "csv" ? externalId.toLowerCase() : externalId, employeeId);
    }
    return map;
  }

  employeeFor(source: CsatSource | string, externalId: string): number | null {
    return this.bySource.get(source)?.get(externalId) ?? null;
  }

  /** Every external id of one source with its employee. */
  entries(source: CsatSource | string): IterableIterator<[string, number]> {
    return (this.bySource.get(source) ?? new Map<string, number>()).entries();
  }

  private set(source: string, externalId: string, employeeId: number): void {
    let ids = this.bySource.get(source);
    if (!ids) this.bySource.set(source, (ids = new Map()));
    ids.set(externalId, employeeId);
  }
}
