import { expect, test, type Page } from "@playwright/test";
import { one, run } from "./db";
import { expectAccessible, failOnConsoleErrors, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

// The e2e server's database (tests/e2e/db.ts: SQLite or PostgreSQL). The calibration test puts
// the released 2026-Q3 cycle into calibration for itself and puts it back afterwards, so the open
// 2026-Q4 cycle other spec files rely on is never touched.
async function setCycleState(key: string, state: string): Promise<void> {
  expect(await run("update cycles set state = ? where key = ?", [state, key])).toBe(1);
}

test("HR finds teams by team or manager name on the overview", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "hr");
  await page.goto("/talent?cycle=2026-Q3");
  const rows = page.locator("table").first().locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const search = page.getByRole("search", { name: "Filter teams" });
  await search.getByLabel("Team or manager").fill("noah");
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=noah/);
  await expect(rows.getByRole("rowheader")).toHaveText(["Team Denver"]);
  // Sorting keeps the search.
  await page.getByRole("link", { name: /^Keeper rate/ }).click();
  await expect(page).toHaveURL(/q=noah/);
  await expect(rows).toHaveCount(1);
  await search.getByRole("link", { name: "Clear filter" }).click();
  await expect(rows).toHaveCount(3);
  await expectAccessible(page);

  // A link to one manager's teams says what it narrowed to, and can be cleared the same way.
  const { id: noah } = await one<{ id: number }>("select id from employees where email = 'noah@demo.keeper.test'");
  await page.goto(`/talent?cycle=2026-Q3&manager=${noah}`);
  await expect(rows.getByRole("rowheader")).toHaveText(["Team Denver"]);
  await expect(search).toContainText(/Showing the teams of Noah \w+\./);
  await search.getByRole("link", { name: "Clear filter" }).click();
  await expect(rows).toHaveCount(3);
  expect(errors).toEqual([]);
});

async function openTeam(page: Page, team: string, cycle: string): Promise<void> {
  await page.goto(`/talent?cycle=${cycle}`);
  await page.getByRole("link", { name: team, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(team) })).toBeVisible();
}

test("HR reads the overview, sorts it, and opens a team's keeper × CSAT grid", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "hr");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Talent" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Talent review/ })).toBeVisible();

  await page.getByLabel("Cycle").selectOption("2026-Q3");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cycle=2026-Q3/);
  const rows = page.locator("table").first().locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.getByRole("rowheader")).toHaveText(["Team Austin", "Team Denver", "Team Portland"]);
  await page.getByRole("link", { name: /^Keeper rate/ }).click();
  await expect(page.getByRole("columnheader", { name: /Keeper rate/ })).toHaveAttribute("aria-sort", "ascending");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Team Portland", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Team Portland/ })).toBeVisible();
  const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "CSAT below the organisation" }) });
  await expect(grid.getByRole("rowheader")).toHaveText(["Fight hard", "Keep", "Unsure", "Let go"]);
  await expect(grid.getByRole("columnheader")).toHaveText([
    "Keeper answer",
    "CSAT below the organisation",
    "CSAT in line",
    "CSAT above the organisation",
    "Too few responses",
  ]);
  // Ava was answered "fight hard" in 2026-Q3: she is in that row, linked to her review.
  const ava = grid.getByRole("row", { name: /^Fight hard/ }).getByRole("link", { name: "Ava Thompson" });
  await expect(ava).toHaveAttribute("href", /^\/reviews\/2026-Q3\/\d+$/);
  const everyone = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Last 4 quarters" }) });
  await expect(everyone.getByRole("row", { name: /Ava Thompson/ })).toContainText("2026-Q2: Fight hard");
  await expectAccessible(page);

  const csv = page.getByRole("link", { name: "Download CSV" });
  await expect(csv).toHaveAttribute("href", "/api/v1/export/reviews.csv?cycle=2026-Q3&team=Team+Portland");
  const res = await page.request.get((await csv.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="keeper-reviews-2026-Q3-team-portland\.csv"$/);
  expect(await res.text()).toContain("Ava Thompson");

  await ava.click();
  await expect(page.getByRole("heading", { level: 1, name: "Ava Thompson" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("trends chart keeper rate and CSAT with their numbers in tables", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "director");
  await page.goto("/talent/trends?cycle=2026-Q4");
  await expect(page.getByRole("img", { name: /Keeper rate per quarter/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /CSAT per quarter/ })).toBeVisible();
  const numbers = page.getByRole("table", { name: "Keeper rate per quarter: the numbers" });
  await expect(numbers.getByRole("rowheader")).toHaveText(["Organisation", "Team Austin", "Team Denver", "Team Portland"]);
  await expect(numbers.getByRole("columnheader")).toHaveText(["Team", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  await expect(numbers.getByRole("row", { name: /^Organisation/ })).toContainText(/\d+% of \d+/);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("a manager sees only their own team; an agent gets a 404", async ({ page, browser }) => {
  await signIn(page, "mia");
  await page.goto("/talent?cycle=2026-Q3");
  await expect(page.locator("table").first().locator("tbody tr").getByRole("rowheader")).toHaveText(["Team Portland"]);

  const agent = await browser.newPage();
  await signIn(agent, "ava");
  await expect(agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Talent" })).toHaveCount(0);
  const response = await agent.goto("/talent?cycle=2026-Q3");
  expect(response?.status()).toBe(404);
  expect((await agent.request.get("/api/v1/talent?cycle=2026-Q3")).status()).toBe(404);
  await agent.close();
});

test.describe("calibration", () => {
  test.beforeAll(() => setCycleState("2026-Q3", "calibration"));
  test.afterAll(() => setCycleState("2026-Q3", "released"));

  test("HR changes Ava's keeper answer with a reason, and her review shows it in the history", async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    await signIn(page, "hr");
    await openTeam(page, "Team Portland", "2026-Q3");
    await expect(page.getByText("This cycle is in calibration.")).toBeVisible();

    await page.getByText("Calibrate Ava Thompson").click();
    const form = page.getByRole("form", { name: "Calibrate the review of Ava Thompson" });
    await form.getByLabel("Keeper answer").selectOption("unsure");
    await form.getByRole("button", { name: "Save calibration" }).click();
    await expect(form.getByRole("alert")).toHaveText("Give a reason for the change.");
    await expect(form.getByLabel("Reason for the change (required)")).toHaveAttribute("aria-invalid", "true");

    // The form is only rendered once the row is opened; closing and reopening keeps what was typed.
    await form.getByLabel("Reason for the change (required)").fill("Two escalations this quarter; agreed in the meeting.");
    await page.getByText("Calibrate Ava Thompson").click();
    await expect(form).toBeHidden();
    await page.getByText("Calibrate Ava Thompson").click();
    await expect(form.getByLabel("Reason for the change (required)")).toHaveValue("Two escalations this quarter; agreed in the meeting.");
    await expect(form.getByLabel("Keeper answer")).toHaveValue("unsure");
    await form.getByRole("button", { name: "Save calibration" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved 1 calibration change.");
    const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "CSAT below the organisation" }) });
    await expect(grid.getByRole("row", { name: /^Unsure/ }).getByRole("link", { name: "Ava Thompson" })).toBeVisible();
    // Fight hard last quarter, unsure now: two steps, so she is flagged for the meeting.
    await expect(page.getByText("Moved from Fight hard to Unsure since 2026-Q2")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/talent/calibration?cycle=2026-Q3");
    const flagged = page.getByRole("table", { name: /People with calibration flags/ });
    await expect(flagged.getByRole("row", { name: /Ava Thompson/ }).first()).toContainText("Keeper answer moved");

    await page.goto("/talent?cycle=2026-Q3");
    await page.getByRole("link", { name: "Team Portland", exact: true }).click();
    await page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "CSAT below the organisation" }) })
      .getByRole("link", { name: "Ava Thompson" })
      .click();
    const history = page.getByRole("list", { name: "Calibration changes, newest first" });
    await expect(history).toContainText("Keeper answer: Fight hard → Unsure");
    await expect(history).toContainText("Harper Quinn");
    await expect(history).toContainText("Reason: Two escalations this quarter; agreed in the meeting.");
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  test("mia, the reviewer, sees the history but no calibration form", async ({ page }) => {
    await signIn(page, "mia");
    await openTeam(page, "Team Portland", "2026-Q3");
    await expect(page.getByText("Calibrate Ava Thompson")).toHaveCount(0);
    await page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "Last 4 quarters" }) })
      .getByRole("link", { name: "Ava Thompson" })
      .click();
    await expect(page.getByRole("list", { name: "Calibration changes, newest first" })).toContainText("Fight hard → Unsure");
    await expect(page.getByRole("button", { name: "Save calibration" })).toHaveCount(0);
  });
});

test("HR finds a team for the calibration meeting by team or manager name", async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await signIn(page, "hr");
  await page.goto("/talent/calibration?cycle=2026-Q3");
  const finder = page.getByRole("search", { name: "Find a team" });
  await finder.getByLabel("Team or manager").fill("team");
  await finder.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText(/^3 teams match “team”\. Pick one:/)).toBeVisible();
  await page.getByRole("link", { name: "Team Denver" }).click();
  await expect(page).toHaveURL(/team=\d+/);
  await expect(page.getByText("Showing Team Denver.")).toBeVisible();
  await expectAccessible(page);

  // One match opens the team straight away; a manager's name finds their team.
  await finder.getByLabel("Team or manager").fill("mia");
  await finder.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Showing Team Portland.")).toBeVisible();
  await expect(page).toHaveURL(/team=\d+/);
  await finder.getByLabel("Team or manager").fill("nobody at all");
  await finder.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No team or manager matches “nobody at all”.")).toBeVisible();
  await page.goto("/talent/calibration?cycle=2026-Q3&q=mia");
  await page.getByRole("link", { name: "Show all teams" }).click();
  await expect(page).toHaveURL(/\/talent\/calibration\?cycle=2026-Q3$/);
  expect(errors).toEqual([]);
});
