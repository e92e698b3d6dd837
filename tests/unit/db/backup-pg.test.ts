import { describe, expect, it, vi } from "vitest";
import { postgresBackupGuidance, run, urlWithoutPassword } from "@/lib/cli/backup";

describe("keeper backup on PostgreSQL", () => {
  const url = "postgres://keeper:s3cret@db.internal:5432/keeper?sslmode=require";
  const now = new Date(2026, 11, 6, 9, 30);

  it("prints the pg_dump and pg_restore commands for this database, without the password", () => {
    const text = postgresBackupGuidance(url, { now });
    expect(text).toContain(
      `pg_dump --format=custom --file keeper-20261206.dump "postgres://keeper@db.internal:5432/keeper?sslmode=require"`,
    );
    expect(text).toContain(
      `pg_restore --dbname "postgres://keeper@db.internal:5432/keeper?sslmode=require" --clean --if-exists keeper-20261206.dump`,
    );
    expect(text).toMatch(/PGPASSWORD/);
    expect(text).toMatch(/~\/\.pgpass/);
    expect(text).toMatch(/No backup was taken/);
    expect(text).not.toContain("s3cret");
  });

  it("uses the file name given, and strips a password passed as a URL option", () => {
    expect(postgresBackupGuidance(url, { file: "nightly.dump", now })).toContain("--file nightly.dump ");
    expect(urlWithoutPassword("postgresql://u@h/db?password=pw&sslmode=verify-full")).toBe("postgresql://u@h/db?sslmode=verify-full");
    expect(urlWithoutPassword("postgres://u:p%40ss@h:5433/db")).toBe("postgres://u@h:5433/db");
  });

  it("exits 0 with the guidance and opens no connection", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://keeper:hunter2@127.0.0.1:1/keeper");
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    try {
      expect(await run([])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(out.join("\n")).toMatch(/pg_dump --format=custom --file keeper-\d{8}\.dump "postgres:\/\/keeper@127\.0\.0\.1:1\/keeper"/);
    expect(out.join("\n")).not.toContain("hunter2");
  });
});
