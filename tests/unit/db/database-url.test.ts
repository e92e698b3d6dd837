import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { databasePath, UnsupportedDatabaseUrl } from "@/db/client";
import { engineOf, redactUrl } from "@/db/engine";

describe("DATABASE_URL", () => {
  it("takes file: URLs, plain paths and :memory: as SQLite", () => {
    expect(databasePath("file:./data/keeper.db")).toBe(resolve("data/keeper.db"));
    expect(databasePath("file:/var/lib/keeper/keeper.db")).toBe("/var/lib/keeper/keeper.db");
    expect(databasePath("/tmp/k.db")).toBe("/tmp/k.db");
    expect(databasePath("data/k.db")).toBe(resolve("data/k.db"));
    expect(databasePath(":memory:")).toBe(":memory:");
    expect(databasePath("file::memory:")).toBe(":memory:");
    for (const url of ["file:./data/keeper.db", "/tmp/k.db", ":memory:", "C:\\keeper\\keeper.db"])
      expect(engineOf(url), url).toBe("sqlite");
  });

  it("selects PostgreSQL for postgres:// and postgresql:// URLs", () => {
    expect(engineOf("postgres://keeper:secret@db:5432/keeper")).toBe("postgres");
    expect(engineOf("postgresql://localhost/keeper")).toBe("postgres");
    expect(engineOf("POSTGRES://db/keeper")).toBe("postgres");
    // A PostgreSQL URL is never taken as a file path (it used to make a folder called 'postgres:').
    expect(() => databasePath("postgres://keeper:secret@db/keeper")).toThrow(UnsupportedDatabaseUrl);
    expect(() => databasePath("file:postgres://keeper:secret@db/keeper")).toThrow(/file path/);
  });

  it("refuses any other URL by name, listing the supported forms, without repeating the URL", () => {
    for (const url of ["mysql://x", "https://example.com/db", "sqlserver://keeper:secret@db"]) {
      expect(() => engineOf(url), url).toThrow(UnsupportedDatabaseUrl);
    }
    expect(() => engineOf("mysql://keeper:secret@db/keeper")).toThrow(/"mysql:".*postgres:\/\/.*file:PATH.*:memory:/);
    expect(() => engineOf("mysql://keeper:secret@db/keeper")).not.toThrow(/secret/);
  });

  it("never shows a password", () => {
    expect(redactUrl("postgres://keeper:s3cret@db:5432/keeper")).toBe("postgres://keeper:***@db:5432/keeper");
    expect(redactUrl("postgres://db/keeper")).toBe("postgres://db/keeper");
  });
});

describe("keeper db migrate with an unsupported DATABASE_URL", () => {
  it("stops with the message and no stack trace, and creates nothing", async () => {
    const { spawnSync } = await import("node:child_process");
    const { existsSync } = await import("node:fs");
    const run = spawnSync(process.execPath, [resolve("bin/keeper"), "db", "migrate"], {
      env: { ...process.env, DATABASE_URL: "mysql://keeper:pw@127.0.0.1:3306/keeper" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/does not support.*postgres:\/\/.*file:PATH/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/pw@/);
    expect(existsSync(resolve("mysql:"))).toBe(false);
  });
});
