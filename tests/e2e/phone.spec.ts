import { expect, test, type Browser } from "@playwright/test";
import { as, expectNoSidewaysScroll } from "./helpers";

const phone = { width: 390, height: 844 };

/** Each path, then each link followed from the last page (pages whose address holds an id). */
async function visitOnPhone(browser: Browser, who: string, paths: string[], links: { from: string; name: string }[] = []) {
  const { page, errors, close } = await as(browser, who, phone);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  for (const { from, name } of links) {
    await page.goto(from);
    await page.getByRole("link", { name, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname + url.search !== from);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  expect(errors).toEqual([]);
  await close();
}

// The agent's pages are covered in agent.spec.ts; these are the wide ones: tables of teams,
// people, imports and audit rows, which must scroll inside their box and not move the page.
test("HR's pages fit a 390 px phone: wide tables scroll inside their box", async ({ browser }) => {
  await visitOnPhone(
    browser,
    "hr",
    [
      "/",
      "/talent",
      "/talent?cycle=2026-Q3&sort=csat&dir=desc",
      "/talent/trends",
      "/talent/calibration",
      "/hr/cycles",
      "/hr/import",
      "/hr/imports",
      "/hr/audit",
      "/hr/cycles/2026-Q4",
      "/hr/people?q=a",
      "/talent/outcomes?cycle=2026-Q1",
      "/follow-ups",
      "/checkins",
    ],
    [
      { from: "/talent", name: "Team Portland" },
      { from: "/hr/people", name: "Viktor Stahl" },
    ],
  );
});

test("a manager's and an admin's pages fit a 390 px phone", async ({ browser }) => {
  await visitOnPhone(
    browser,
    "mia",
    ["/", "/talent", "/checkins", "/notifications", "/follow-ups", "/talent/outcomes"],
    [{ from: "/", name: "Ava Thompson" }],
  );
  await visitOnPhone(browser, "admin", ["/admin/tokens", "/admin/outbox"]);
});
