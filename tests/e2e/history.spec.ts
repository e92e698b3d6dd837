import { expect, test } from "@playwright/test";
import { one, query, transaction } from "./db";
import { as, expectAccessible, expectNoSidewaysScroll } from "./helpers";

test.describe.configure({ mode: "serial" });

// The e2e server's database (tests/e2e/db.ts: SQLite or PostgreSQL). The departure test puts its
// leaver back afterwards (active again, no departure, back in the cycles they left), so spec files
// that run later see the demo organisation as seeded.
let restore: (() => Promise<unknown>) | undefined;

const PARTICIPANT_COLUMNS = "id cycle_id employee_id team_id manager_id reviewer_id role title added_at added_by".split(" ");

async function rememberPerson(email: string): Promise<() => Promise<unknown>> {
  const { id } = await one<{ id: number }>("select id from employees where email = ?", [email]);
  const rows = await query(`select ${PARTICIPANT_COLUMNS.join(", ")} from cycle_participants where employee_id = ?`, [id]);
  const insert = `insert into cycle_participants (${PARTICIPANT_COLUMNS.join(", ")})
    values (${PARTICIPANT_COLUMNS.map(() => "?").join(", ")}) on conflict do nothing`;
  return () =>
    transaction([
      { sql: "update employees set active = 1 where id = ?", params: [id] },
      { sql: "delete from departures where employee_id = ?", params: [id] },
      ...rows.map((row) => ({ sql: insert, params: PARTICIPANT_COLUMNS.map((column) => row[column]) })),
    ]);
}

test.afterAll(async () => {
  await restore?.();
});

test("HR records a departure: typed errors first, then the person is deactivated and cannot sign in", async ({ browser }) => {
  const hr = await as(browser, "hr");
  const { page } = hr;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People and departures" })).toBeVisible();
  // Viktor was deactivated without details (as a SCIM deactivation leaves people).
  await expect(page.getByRole("link", { name: "Viktor Stahl" })).toBeVisible();
  await expectAccessible(page);

  const search = page.getByRole("search");
  await search.getByLabel("Name or email").fill("Olivia");
  await search.getByRole("button", { name: "Search" }).click();
  const person = page.getByRole("link", { name: /^Olivia / }).first();
  const name = (await person.textContent())!.trim();
  const email = `${name.toLowerCase().replace(" ", ".")}@demo.keeper.test`;
  restore = await rememberPerson(email);
  await person.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  // A date in the future is refused next to the field, and nothing is lost.
  const date = page.getByLabel("Last day of employment");
  await date.evaluate((el: HTMLInputElement) => el.removeAttribute("max"));
  await date.fill("2099-01-01");
  await page.getByRole("radio", { name: /^Voluntary/ }).check();
  await page.getByRole("radio", { name: "Yes, a regretted departure" }).check();
  await page.getByRole("button", { name: "Record the departure" }).click();
  await expect(page.getByText("The last day can't be in the future: record the departure on or after it.")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost.
  await expect(date).toHaveValue("2099-01-01");
  await expect(page.getByRole("radio", { name: /^Voluntary/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Yes, a regretted departure" })).toBeChecked();
  await expectAccessible(page);

  await date.fill("2026-11-30");
  await page.getByRole("button", { name: "Record the departure" }).click();
  await expect(page.getByRole("status")).toContainText("They can no longer sign in.");
  await page.reload();
  await expect(page.getByText("Left", { exact: true })).toBeVisible();
  await page.goto("/hr/people");
  await expect(page.getByRole("row", { name: new RegExp(`${name}.*2026-11-30.*Voluntary.*Yes`) })).toBeVisible();
  expect(hr.errors).toEqual([]);
  await hr.close();

  // The leaver's password no longer opens Keeper.
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto("/login");
  await login.getByLabel("Email").fill(email);
  await login.getByLabel("Password").fill("keeper-demo-pass");
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(login.getByRole("alert")).toBeVisible();
  await expect(login).toHaveURL(/\/login/);
  await context.close();
});

test("the keeper-accuracy view shows each past cycle with a chart, its numbers, teams and managers", async ({ browser }) => {
  const hr = await as(browser, "hr");
  const { page } = hr;
  await page.goto("/talent");
  await page.getByRole("navigation", { name: "Talent review sections" }).getByRole("link", { name: "Outcomes" }).click();
  await expect(page.getByRole("heading", { name: /Keeper accuracy/ })).toBeVisible();
  await page.getByRole("combobox", { name: "Cycle" }).selectOption("2026-Q1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cycle=2026-Q1/);
  // 2026-Q1's six months are over; its twelve are not.
  const summary = page.locator("dl").first();
  await expect(summary.getByText(/^5 of \d+ \(\d+%, 95% CI \d+–\d+%\); 4 regretted$/)).toBeVisible();
  await expect(summary.getByText("not yet known (from 2027-04-01)")).toBeVisible();
  await expect(page.getByRole("img", { name: /Fight hard answers who left within 6 months/ })).toBeVisible();
  const numbers = page.getByRole("region", { name: "Fight hard answers who left within 6 months: the numbers" });
  await expect(numbers.getByRole("row", { name: /2026-Q2 not yet known \(from 2027-01-01\)/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Keeper accuracy by team, 2026-Q1" }).getByRole("rowheader")).toHaveText([
    "Team Austin",
    "Team Denver",
    "Team Portland",
  ]);
  await expect(
    page
      .getByRole("region", { name: "Keeper accuracy by manager, 2026-Q1" })
      .getByText(/fewer than 10 people/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toBe("keeper-outcomes-2026-Q1.csv");
  expect(hr.errors).toEqual([]);
  await hr.close();

  // A manager sees their own people only, and a phone gets no sideways scroll.
  const mia = await as(browser, "mia", { width: 390, height: 844 });
  await mia.page.goto("/talent/outcomes?cycle=2026-Q1");
  await expect(mia.page.getByRole("region", { name: "Keeper accuracy by team, 2026-Q1" }).getByRole("rowheader")).toHaveText([
    "Team Portland",
  ]);
  await expectNoSidewaysScroll(mia.page);
  expect(mia.errors).toEqual([]);
  await mia.close();
});
