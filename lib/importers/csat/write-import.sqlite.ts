import type { Database } from "better-sqlite3";
import { getDb, sqliteClient, writeTx } from "@/db/client";
import { AgentMap } from "./agent-map";
import { dropIndexes, indexesToDefer, recreateIndexes, type Incoming } from "./bulk-indexes";
import { buildReport, insertImportRow, saveImportReport } from "./import-record";
import { mergeStagedFile, stageAgentMap, STAGE_SCHEMA } from "./merge-file";
import { ResponseWriter } from "./response-writer";
import { RollupDeltas } from "./rollup-deltas";
import type { WriteStep } from "./run-import";
import type { StagedFile } from "./stage-file";
import { STAGE_CACHE_KIB } from "./stage-store";

/**
 * The write step on SQLite (docs/decisions/0002): the staging file is ATTACHed to the main
 * connection, so new responses move in with one INSERT … SELECT per file, entirely inside SQLite,
 * in one BEGIN IMMEDIATE transaction. The PostgreSQL twin is write-import.pg.ts.
 */
export async function writeImportSqlite(w: WriteStep) {
  const client = sqliteClient(getDb());
  // ATTACH, DETACH and the foreign_keys pragma cannot run inside a transaction: another writer of
  // this process may hold one across an await, so wait for the connection to be idle, then run
  // each of these synchronously (nothing can start a transaction in between).
  await idle(client);
  client.prepare(`ATTACH DATABASE ? AS ${STAGE_SCHEMA}`).run(w.stagePath);
  const foreignKeys = client.pragma("foreign_keys", { simple: true }) as number;
  try {
    // Staging is scratch: no journal, so COMMIT needs no multi-file super-journal for it.
    client.pragma(`${STAGE_SCHEMA}.journal_mode = OFF`);
    client.pragma(`${STAGE_SCHEMA}.synchronous = OFF`);
    client.pragma(`${STAGE_SCHEMA}.cache_size = ${STAGE_CACHE_KIB}`);
    // Every employee_id and import_id the write stores is read inside its own transaction
    // (AgentMap, the csat_imports row it inserts), so checking each row's two foreign keys
    // proves nothing and costs a sixth of the bulk insert. Tests run foreign_key_check.
    client.pragma("foreign_keys = OFF");
    return await writeTx(async (db) => {
      const { options, files, now } = w;
      const staged = files.filter((f): f is StagedFile => f.ok);
      const importId =
        options.appendTo?.importId ??
        (await insertImportRow(db, options.actorId ?? null, options.via, files.map((f) => f.name).join(", "), w.sourcesLabel, now));
      const writer = mergeFiles(sqliteClient(db), staged, importId, w.step);
      const report = buildReport(importId, files, writer);
      await saveImportReport(db, report, Boolean(options.appendTo));
      await options.appendTo?.inTx?.(db, report);
      return report;
    });
  } finally {
    await idle(client);
    client.pragma(`foreign_keys = ${foreignKeys}`);
    client.exec(`DETACH DATABASE ${STAGE_SCHEMA}`);
  }
}

/** Waits (briefly) until no transaction is open on the connection. */
async function idle(client: Database): Promise<void> {
  for (let waited = 0; client.inTransaction; waited++) {
    if (waited > 30_000)
      throw new Error("The database connection stayed inside a transaction for 30 s; the CSAT import cannot attach its staging file.");
    await new Promise((done) => setTimeout(done, 1));
  }
}

/** Synchronous, inside the transaction: the bulk INSERTs, the slow rows, the indexes and the rollups. */
function mergeFiles(client: Database, staged: StagedFile[], importId: number, step: WriteStep["step"]): ResponseWriter {
  const sources = [...new Set(staged.map((f) => f.source))];
  const agents = AgentMap.load(client);
  stageAgentMap(client, agents, sources);
  const writer = new ResponseWriter(client, importId, agents, new RollupDeltas());
  const deferred = dropIndexes(client, indexesToDefer(client, incomingRows(staged, agents)));
  for (const file of staged) mergeStagedFile(client, writer, file.table, file.source, importId);
  step("insert");
  recreateIndexes(client, deferred);
  step("indexes");
  writer.rollups.apply(client);
  return writer;
}

/** Rows staged, and how many of them name no employee (from the per-agent tallies). */
function incomingRows(staged: StagedFile[], agents: AgentMap): Incoming {
  let rows = 0;
  let unmatched = 0;
  for (const { table, source } of staged) {
    rows += table.count;
    for (const [agent, quarters] of table.tally) {
      if (agents.employeeFor(source, agent) !== null) continue;
      for (const { responses } of quarters.values()) unmatched += responses;
    }
  }
  return { rows, unmatched };
}
