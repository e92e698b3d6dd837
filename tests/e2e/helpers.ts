import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "keeper-demo-pass";

export async function signIn(page: Page, local: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(`${local}@demo.keeper.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Fails on serious or critical accessibility violations, listing them. Every page has a
 * "… · Keeper" title; waiting for it first keeps axe off a page that is still streaming in
 * (Next streams metadata after the body, so a loaded CI machine can catch it title-less).
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S · Keeper$/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Browser console errors are test failures. */
export function failOnConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("response", (res) => {
    if (res.status() >= 400 && !res.url().includes("/reviews/")) errors.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

/**
 * Nothing on the page is wider than the phone: no sideways scrolling. Wide tables scroll inside
 * their own box; what escapes it (an absolutely placed screen-reader label, say) widens the page.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page width on ${page.url()}`).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** A signed-in page in a context of its own (its own cookies and viewport), collecting console errors. */
export async function as(
  browser: Browser,
  who: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = failOnConsoleErrors(page);
  await signIn(page, who);
  return { page, errors, close: () => context.close() };
}
