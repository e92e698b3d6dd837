// Takes the README screenshots from a running demo: BASE_URL=http://localhost:3000 npm run screenshot
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL || "http://localhost:3000";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 900 } });
await page.goto("/login");
await page.getByLabel("Email").fill(process.env.AS || "mia@demo.keeper.test");
await page.getByLabel("Password").fill("keeper-demo-pass");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("button", { name: "Sign out" }).waitFor();
// SHOTS="path=file,path=file"; the file is after the last "=", so paths may carry query strings.
for (const [path, file] of (process.env.SHOTS || "/=docs/screenshot.png")
  .split(",")
  .map((s) => [s.slice(0, s.lastIndexOf("=")), s.slice(s.lastIndexOf("=") + 1)])) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: file, fullPage: false });
  console.log(`Saved ${file}`);
}
await browser.close();
