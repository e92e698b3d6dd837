import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { openDatabase, setDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** A fresh SQLite file made from the committed migrations, installed as the process database. */
export function freshDb(): { db: Db; path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "keeper-test-"));
  const path = join(dir, "keeper.db");
  const db = openDatabase(path);
  migrateDatabase(db);
  setDb(db);
  return {
    db,
    path,
    dispose: () => {
      setDb(undefined);
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Gives every test in the file its own fresh database; read `.db` inside a test. */
export function useFreshDb(): { readonly db: Db; readonly path: string } {
  let current: ReturnType<typeof freshDb> | undefined;
  beforeEach(() => {
    current = freshDb();
  });
  afterEach(() => {
    current?.dispose();
    current = undefined;
  });
  return {
    get db() {
      if (!current) throw new Error("useFreshDb: no database outside a test");
      return current.db;
    },
    get path() {
      if (!current) throw new Error("useFreshDb: no database outside a test");
      return current.path;
    },
  };
}
