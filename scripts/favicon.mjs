// Writes app/favicon.ico from app/icon.svg: node scripts/favicon.mjs (needs /usr/bin/chromium).
// Browsers, feed readers and bookmarks still ask for /favicon.ico when a page's icon link has not
// arrived yet (Next streams metadata after the body), and a 404 there is an error in the console.
// The .ico holds PNGs of the same icon at 16, 32 and 48 px, which every current browser reads.
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const svg = readFileSync(join(root, "app", "icon.svg"), "utf8");
const sizes = [16, 32, 48];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const pngs = [];
for (const size of sizes) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  pngs.push(await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();

// ICONDIR, one ICONDIRENTRY per image, then the PNGs themselves.
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(pngs[i].length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += pngs[i].length;
});
writeFileSync(join(root, "app", "favicon.ico"), Buffer.concat([header, ...pngs]));
console.log(`Wrote app/favicon.ico (${offset} bytes, ${sizes.join(", ")} px)`);
