import { expect, test } from "@playwright/test";
import { as, expectAccessible, expectNoSidewaysScroll } from "./helpers";

test("keeper check-in round trip: Ava asks, Mia sees it waiting and answers, Ava reads the answer", async ({ browser }, testInfo) => {
  // A retry runs against the same database, so its answer must be told apart from the first try's.
  const note = `Customers ask for you by name. I would fight hard. (try ${testInfo.retry + 1})`;
  const ava = await as(browser, "ava");
  await ava.page.getByRole("link", { name: "Check-ins" }).click();
  await expect(ava.page.getByRole("heading", { name: "Keeper check-ins" })).toBeVisible();
  await expect(ava.page.getByText("If I told you I were leaving, how hard would you work to change my mind?")).toBeVisible();
  await expectAccessible(ava.page);
  await ava.page.getByLabel("Anything to add? (optional)").fill("Thinking about next year.");
  await ava.page.getByRole("button", { name: "Ask Mia" }).click();
  await expect(ava.page.getByText("Your check-in is waiting for Mia's answer.")).toBeVisible();
  await expect(ava.page.getByText(/Waiting under a minute/)).toBeVisible();

  const mia = await as(browser, "mia");
  await expect(mia.page.getByRole("heading", { name: /Keeper check-ins waiting for you \(\d+\)/ })).toBeVisible();
  await expect(mia.page.getByText(/Ava Thompson/).first()).toBeVisible();
  await expect(mia.page.getByText("waiting under a minute").first()).toBeVisible();
  await expect(mia.page.getByRole("link", { name: /Notifications, \d+ unread/ })).toBeVisible();
  await expectAccessible(mia.page);
  await mia.page.getByRole("link", { name: "Answer" }).click();
  const form = mia.page.getByRole("group", { name: "Your keeper answer for Ava" }).first();
  await form.getByLabel("Yes, I would fight hard to keep them").check();
  await mia.page.getByLabel("Note to Ava (required)").first().fill(note);
  await expectAccessible(mia.page);
  await mia.page.getByRole("button", { name: "Send answer" }).first().click();
  await expect(mia.page.getByRole("heading", { name: "Recently answered" })).toBeVisible();
  await expect(mia.page.getByText(note)).toBeVisible();

  await ava.page.goto("/");
  await ava.page.getByRole("link", { name: /Notifications, \d+ unread/ }).click();
  await expect(ava.page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expectAccessible(ava.page);
  await ava.page
    .getByRole("button", { name: /Mia answered your keeper check-in/ })
    .first()
    .click();
  await expect(ava.page).toHaveURL(/\/checkins$/);
  await expect(ava.page.getByText(note)).toBeVisible();
  await expect(ava.page.getByText("Yes, I would fight hard to keep them")).toBeVisible();
  await expectAccessible(ava.page);

  expect([...ava.errors, ...mia.errors]).toEqual([]);
  await Promise.all([ava.close(), mia.close()]);
});

test.describe("an agent's pages on a 375 px phone", () => {
  // Noah's test reads what Liam's test wrote.
  test.describe.configure({ mode: "serial" });
  const phone = { width: 375, height: 812 };

  test("home, feedback, a review with acknowledge and reply, customers, check-ins and notifications", async ({ browser }) => {
    const liam = await as(browser, "liam", phone);
    const { page } = liam;
    await expect(page.getByRole("heading", { name: "Your side of Keeper" })).toBeVisible();
    const bell = page.getByRole("link", { name: /^Notifications/ });
    await expect(bell).toBeInViewport();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await page.getByRole("link", { name: "My feedback", exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "My feedback", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: /trait ratings by quarter/ })).toBeVisible();
    await page.getByLabel("What are you proud of this quarter?").fill("Cut my reopen rate in half.");
    await page.getByLabel("What do you want to get better at?").fill("Refund policy edge cases.");
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page.getByText("Saved. Your manager sees it beside your review.")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await page.getByRole("link", { name: "2026-Q3 review" }).click();
    await expect(page.getByRole("heading", { name: "Your 2026-Q3 review" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Customer-service traits" })).toBeVisible();
    await expect(page.getByText("Private notes")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Acknowledge review" }).click();
    await expect(page.getByText(/You acknowledged this review on/)).toBeVisible();
    await page.getByLabel(/Reply to Noah/).fill("Thanks, Noah. Agreed on the escalations.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByText("Thanks, Noah. Agreed on the escalations.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send reply" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/customers");
    await expect(page.getByRole("heading", { name: "My customers" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Your CSAT by quarter/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Your CSAT by quarter: the numbers/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByLabel("Rating").selectOption("negative");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/sentiment=negative/);
    const comments = page.getByRole("list", { name: "Your customers' comments" });
    await expect(comments.getByText("Not satisfied").first()).toBeVisible();
    await expect(comments.getByText("Satisfied", { exact: true })).toHaveCount(0);
    await expectNoSidewaysScroll(page);

    await page.goto("/checkins");
    await expect(page.getByRole("button", { name: "Ask Noah" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    await bell.click();
    await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    expect(liam.errors).toEqual([]);
    await liam.close();
  });

  test("Noah sees Liam's self-reflection, acknowledgement and reply beside the reviews", async ({ browser }) => {
    const noah = await as(browser, "noah");
    const liamId = await noah.page.evaluate(async () => {
      const res = await fetch("/api/v1/reviews?cycle=2026-Q3");
      const body = await res.json();
      return body.reviews.find((r: { employee: { email: string } }) => r.employee.email === "liam@demo.keeper.test").employee.id as number;
    });
    await noah.page.goto(`/reviews/2026-Q4/${liamId}`);
    const aside = noah.page.getByRole("complementary", { name: "About this review" });
    await expect(aside.getByRole("heading", { name: "Liam's self-reflection" })).toBeVisible();
    await expect(aside.getByText("Cut my reopen rate in half.")).toBeVisible();
    await noah.page.goto(`/reviews/2026-Q3/${liamId}`);
    await expect(aside.getByText(/Acknowledged \d/)).toBeVisible();
    await expect(aside.getByText("Thanks, Noah. Agreed on the escalations.")).toBeVisible();
    await expectAccessible(noah.page);
    expect(noah.errors).toEqual([]);
    await noah.close();
  });
});
