import { expect, test } from "@playwright/test";
import { expectAccessible, failOnConsoleErrors, signIn } from "./helpers";

// Ids and file name per attempt: a retry runs against the database the failed attempt wrote to,
// where the same file would already be stored and could never be "Imported" again.
const csvFor = (attempt: number) =>
  [
    "\uFEFFresponse_id,agent_email,rating,scale_max,responded_at,channel,comment",
    `e2e-${attempt}-1,ava@demo.keeper.test,5,5,2026-10-02T10:00:00Z,chat,"Quick, friendly"`,
    `e2e-${attempt}-2,LIAM@demo.keeper.test,2,2,2026-10-03T10:00:00-04:00,email,`,
    `e2e-${attempt}-3,ava@demo.keeper.test,11,10,2026-10-04T10:00:00Z,phone,out of scale`,
    `e2e-${attempt}-4,someone@else.test,4,5,2026-10-05T10:00:00Z,chat,`,
  ].join("\r\n");

test("HR uploads a CSAT export, sees the result, and re-importing changes nothing", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "hr");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import CSAT" })).toBeVisible();
  await expectAccessible(page);

  const attempt = test.info().retry;
  const name = attempt === 0 ? "october.csv" : `october-retry-${attempt}.csv`;
  const file = { name, mimeType: "text/csv", buffer: Buffer.from(csvFor(attempt)) };
  await page.getByLabel("Export files").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: /Import #\d+/ })).toBeVisible();
  const counts = page.locator("dl");
  await expect(counts.getByText("Rows read").locator("..")).toContainText("4");
  await expect(counts.getByText("Imported", { exact: true }).locator("..")).toContainText("3");
  await expect(counts.getByText("Rejected").locator("..")).toContainText("1");
  await expect(page.getByText("line 4")).toBeVisible();
  await expect(page.getByRole("cell", { name: "someone@else.test" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Import more" }).click();
  await page.getByLabel("Export files").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: /Import #\d+/ })).toBeVisible();
  await expect(counts.getByText("Unchanged").locator("..")).toContainText("3");
  await expect(counts.getByText("Imported", { exact: true }).locator("..")).toContainText("0");

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("a file of an unknown shape gets a clear message and nothing is imported", async ({ page }) => {
  await signIn(page, "hr");
  await page.goto("/hr/import");
  await page
    .getByLabel("Export files")
    .setInputFiles({ name: "weird.json", mimeType: "application/json", buffer: Buffer.from('{"hello": "world"}') });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: /Import #\d+/ })).toBeVisible();
  await expect(page.getByText(/weird\.json.*not imported: is JSON of an unknown shape/)).toBeVisible();
  await expect(page.locator("dl").getByText("Imported", { exact: true }).locator("..")).toContainText("0");
});

test("the review form shows the agent's CSAT with its interval, trend and comments", async ({ page }) => {
  await signIn(page, "mia");
  await page.getByRole("link", { name: "Ava Thompson" }).click();
  const panel = page.getByRole("region", { name: /Customer satisfaction · 2026-Q4/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/95% interval \d+%–\d+%/)).toBeVisible();
  await expect(panel.getByText(/Organisation: \d+%/)).toBeVisible();
  await expect(panel.getByRole("table")).toContainText("2026-Q4");
  await panel.getByRole("link", { name: "Negative" }).click();
  await expect(page).toHaveURL(/comments=negative/);
  await expect(panel.getByText("Satisfied", { exact: false }).filter({ hasNotText: "Not satisfied" })).toHaveCount(0);
});
