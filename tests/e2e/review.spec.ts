import { expect, test } from "@playwright/test";
import { expectAccessible, failOnConsoleErrors, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("a manager answers the keeper question, rates traits, reloads, and submits", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "mia");
  await expect(page.getByRole("heading", { name: /Your team · 2026-Q4/ })).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ submitted/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ava Thompson" }).click();
  await expect(page.getByRole("heading", { name: "Ava Thompson" })).toBeVisible();
  await expect(page.getByText("If Ava told you they were leaving in two months")).toBeVisible();

  await page.getByLabel("Yes, I would fight hard to keep them").check();
  await page.getByLabel("Why? (required)").fill("Customers ask for Ava by name.");
  const traits = page.locator("fieldset[data-trait]");
  await expect(traits).toHaveCount(6);
  for (let i = 0; i < 5; i++)
    await traits
      .nth(i)
      .getByRole("radio", { name: /^4 · Strong/ })
      .check();
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved/);

  await page.reload();
  await expect(page.getByLabel("Yes, I would fight hard to keep them")).toBeChecked();
  await expect(page.getByLabel("Why? (required)")).toHaveValue("Customers ask for Ava by name.");
  await expect(traits.nth(0).getByRole("radio", { name: /^4 · Strong/ })).toBeChecked();
  await expectAccessible(page);

  // Submitting with a trait and the summary missing shows the errors next to the fields.
  await page.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByText("Write a summary for the employee.")).toBeVisible();
  await expect(traits.nth(5).getByText("Rate this trait or mark it not observed.")).toBeVisible();

  await traits.nth(5).getByLabel("Not observed this quarter").check();
  await page.getByLabel(/Summary for Ava/).fill("A standout quarter: customers leave happier than they came.");
  await page.getByLabel("Private notes").fill("Ready for senior agent.");
  await page.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen to edit" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a save from a stale second tab is refused and nothing is overwritten", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "noah");
  await first.getByRole("link", { name: "Liam Walker" }).click();
  await first.waitForURL(/\/reviews\/2026-Q4\/\d+$/);
  const url = first.url();
  const second = await context.newPage();
  await second.goto(url);

  await first.getByLabel("Why? (required)").fill("Written in the first tab.");
  await expect(first.getByTestId("save-status")).toHaveText(/^Saved/);

  await second.getByLabel("Why? (required)").fill("Written in the stale tab.");
  await expect(second.getByRole("alert").filter({ hasText: "changed in another tab" })).toBeVisible();
  await expect(second.getByLabel("Why? (required)")).toHaveValue("Written in the stale tab.");

  const check = await context.newPage();
  await check.goto(url);
  await expect(check.getByLabel("Why? (required)")).toHaveValue("Written in the first tab.");
  await context.close();
});

test("an agent cannot open another agent's review and sees their own released feedback", async ({ page }) => {
  await signIn(page, "ava");
  await expect(page.getByRole("heading", { name: "Your feedback" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2026-Q3 review" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "2026-Q3 review" }).click();
  await expect(page.getByText("Private notes")).toHaveCount(0);
  await expectAccessible(page);

  const liamId = await (async () => {
    const res = await page.request.get("/api/v1/me");
    const me = await res.json();
    return me.id + 1; // any id that is not Ava's
  })();
  const response = await page.goto(`/reviews/2026-Q3/${liamId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the login page is accessible and a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill("mia@demo.keeper.test");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#login-error")).toHaveText("Wrong email or password.");
  await page.getByLabel("Email").fill("nobody@demo.keeper.test");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#login-error")).toHaveText("Wrong email or password.");
});
