import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROLES, API_CASES, PAGE_CASES, PUBLIC_ROUTES, SCIM_CASES } from "../access/inventory";

const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(ROOT, path)];
  });
}

const appFiles = files(join(ROOT, "app"));

describe("the access matrix lists every endpoint", () => {
  it("has a case for every page and route handler", () => {
    const routes = appFiles.filter((f) => /\/(page\.tsx|route\.ts)$/.test(f)).sort();
    const listed = [...PAGE_CASES, ...API_CASES, ...SCIM_CASES].map((c) => c.file).concat(PUBLIC_ROUTES);
    expect(
      routes.filter((r) => !listed.includes(r)),
      "routes missing from tests/access/inventory.ts",
    ).toEqual([]);
    expect(
      listed.filter((l) => !routes.includes(l)),
      "inventory entries for routes that no longer exist",
    ).toEqual([]);
  });

  it("has roles for every exported server action", () => {
    const actions = appFiles
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => readFileSync(join(ROOT, f), "utf8"))
      .filter((text) => /^\s*["']use server["']/.test(text))
      .flatMap((text) => [...text.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]))
      .sort();
    expect(actions.length).toBeGreaterThan(10);
    expect(
      actions.filter((a) => !(a in ACTION_ROLES)),
      "actions missing from tests/access/inventory.ts",
    ).toEqual([]);
    expect(
      Object.keys(ACTION_ROLES).filter((a) => !actions.includes(a)),
      "inventory entries for actions that no longer exist",
    ).toEqual([]);
  });
});
