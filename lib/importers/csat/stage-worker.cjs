"use strict";
// The staging writes of a large CSAT import, on a second core while the main thread parses and
// validates (docs/decisions/0008-csat-import-staging-worker.md). Plain CommonJS needing only
// better-sqlite3, so tsx, vitest and the Next.js server can all start it as it is. It opens the
// private staging file, never the application's database. Messages, in order: table, rows (each
// acknowledged, for backpressure), finish (answered with the table's totals), close.
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const { StageWriter } = require("./stage-rows.cjs");

let db = null;
let writer = null;
let failed = false;

function handle(message) {
  switch (message.op) {
    case "table":
      writer.createTable(message.name, message.exists);
      break;
    case "rows":
      writer.insert(message.batch);
      parentPort.postMessage({ op: "ack" });
      break;
    case "finish":
      parentPort.postMessage({ op: "finished", name: message.name, totals: writer.finish(message.name) });
      break;
    case "close":
      db.exec("COMMIT");
      db.close();
      parentPort.postMessage({ op: "closed" });
      parentPort.close();
      break;
  }
}

function fail(err) {
  failed = true;
  const e = err instanceof Error ? err : new Error(String(err));
  parentPort.postMessage({ op: "error", name: e.name, message: e.message, code: e.code });
}

parentPort.on("message", (message) => {
  // After a failure the import is over: the main thread disposes of the file and of this thread.
  if (failed) return;
  try {
    handle(message);
  } catch (err) {
    fail(err);
  }
});

try {
  db = new Database(workerData.path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma(`cache_size = ${workerData.cacheKib}`);
  db.exec("BEGIN");
  writer = new StageWriter(db);
  parentPort.postMessage({ op: "ready" });
} catch (err) {
  fail(err);
}
