import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { databasePath, UnsupportedDatabaseUrl } from "@/db/client";

describe("DATABASE_URL", () => {
  it("takes file: URLs, plain paths and :memory:", () => {
    expect(databasePath("file:./data/keeper.db")).toBe(resolve("data/keeper.db"));
    expect(databasePath("file:/var/lib/keeper/keeper.db")).toBe("/var/lib/keeper/keeper.db");
    expect(databasePath("/tmp/k.db")).toBe("/tmp/k.db");
    expect(databasePath("data/k.db")).toBe(resolve("data/k.db"));
    expect(databasePath(":memory:")).toBe(":memory:");
    expect(databasePath("file::memory:")).toBe(":memory:");
  });

  it("refuses any other URL by name instead of making a SQLite file in a folder called 'postgres:'", () => {
    for (const url of ["postgres://keeper:secret@db:5432/keeper", "postgresql://localhost/keeper", "mysql://x", "https://example.com/db"]) {
      expect(() => databasePath(url), url).toThrow(UnsupportedDatabaseUrl);
    }
    expect(() => databasePath("postgres://keeper:secret@db/keeper")).toThrow(/"postgres:".*file:PATH.*:memory:/);
    // The message never repeats the URL, which may hold a password.
    expect(() => databasePath("postgres://keeper:secret@db/keeper")).not.toThrow(/secret/);
  });
});

describe("keeper db migrate with an unsupported DATABASE_URL", () => {
  it("stops with the message and no stack trace, and creates nothing", async () => {
    const { spawnSync } = await import("node:child_process");
    const { existsSync } = await import("node:fs");
    const run = spawnSync(process.execPath, [resolve("bin/keeper"), "db", "migrate"], {
      env: { ...process.env, DATABASE_URL: "postgres://keeper:pw@127.0.0.1:5432/keeper" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/does not support.*file:PATH/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(resolve("postgres:"))).toBe(false);
  });
});
