import { expect, test } from "@playwright/test";
import type { FakeRating } from "../fakes/helpdesk/dataset";
import { FAKE_CREDENTIALS, startFakeHelpdesk, type FakeHelpdesk } from "../fakes/helpdesk/server";
import { one } from "./db";
import { expectAccessible, expectNoSidewaysScroll, failOnConsoleErrors, signIn } from "./helpers";

// The fake Zendesk runs in this test process on loopback; the server under test calls it.
let fake: FakeHelpdesk;
let ava: { id: number; zendeskId: number };

test.beforeAll(async () => {
  const row = await one<{ id: number; ext: string }>(
    "SELECT e.id AS id, i.external_id AS ext FROM identities i JOIN employees e ON e.id = i.employee_id WHERE e.email = 'ava@demo.keeper.test' AND i.source = 'zendesk'",
  );
  ava = { id: row.id, zendeskId: Number(row.ext) };
  fake = await startFakeHelpdesk({ ratings: [], pageSize: 2 });
});
test.afterAll(async () => {
  await fake?.close();
});

test("HR connects a helpdesk, tests it, syncs now and sees the CSAT; a revoked token asks for new credentials", async ({ page }) => {
  // A retry runs against the database the failed attempt wrote to: its own names and rating ids.
  const attempt = test.info().retry;
  const name = `Acme Zendesk ${attempt}`;
  const comment = `Synced from the helpdesk API, attempt ${attempt}`;
  const at = Date.UTC(2026, 10, 25, 12);
  fake.ratings = Array.from({ length: 5 }, (_, i): FakeRating => ({
    id: 880_000 + attempt * 100 + i,
    agentId: ava.zendeskId,
    good: i !== 1,
    createdAt: at + i * 60_000,
    updatedAt: at + i * 60_000,
    comment: i === 4 ? comment : null,
  }));
  fake.token = FAKE_CREDENTIALS.token;

  const errors = failOnConsoleErrors(page);
  await signIn(page, "hr");
  await page.getByRole("link", { name: "Connections", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Helpdesk connections" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add a connection" });
  await form.getByLabel("Helpdesk").selectOption("zendesk");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("API address").fill(fake.url);
  await form.getByLabel("Agent email (owner of the token)").fill(FAKE_CREDENTIALS.email);
  await form.getByLabel("API token").fill(FAKE_CREDENTIALS.token);
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form.getByRole("status")).toContainText(`Connection '${name}' added`);

  const card = page.locator("section", { has: page.getByRole("heading", { name }) });
  await expect(card).toContainText("token ending …abcd");
  await expect(card).not.toContainText(FAKE_CREDENTIALS.token);
  await expect(card).toContainText("Not synced yet");

  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByRole("status")).toHaveText("Connected to Zendesk: 2 ratings on the first page.");

  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(card.getByRole("status")).toHaveText("Sync finished: 5 records read.", { timeout: 20_000 });
  await expect(card.getByText("Connected", { exact: true })).toBeVisible();
  await expect(card).toContainText("3 pages, 5 records read, 5 new");
  await card.getByText("Recent syncs", { exact: true }).click();
  const runs = card.getByRole("table", { name: `Recent syncs of ${name}, newest first` });
  await expect(runs.getByRole("row").nth(1)).toContainText("manual");
  await expect(runs.getByRole("row").nth(1)).toContainText("OK");
  await expectAccessible(page);

  // The CSAT is Ava's now: her review page shows the synced comment.
  await page.goto(`/reviews/2026-Q4/${ava.id}`);
  await expect(page.getByText(comment)).toBeVisible();

  // The helpdesk revokes the token: the next sync stops, the page and a notification say so.
  fake.token = "revoked";
  await page.goto("/hr/connections");
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(card.getByRole("alert")).toContainText("refused the credentials", { timeout: 20_000 });
  await expect(page.getByRole("alert").filter({ hasText: "needs new credentials" })).toBeVisible();
  await expect(card.getByText("Needs new credentials", { exact: true })).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByText(`Helpdesk connection '${name}' needs new credentials`).first()).toBeVisible();

  // On a phone, the page with its connection cards fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/hr/connections");
  await expect(card).toBeVisible();
  await card.getByText("Recent syncs", { exact: true }).click();
  await expectNoSidewaysScroll(page);
  expect(errors).toEqual([]);
});
