import { expect, test } from "@playwright/test";

// Browsers ask for /favicon.ico when a page's icon link has not arrived yet (Next streams a
// page's metadata after its body), and a 404 there is an error in every console.
test("the icon is served where browsers look for it, to anyone, and pages link it", async ({ request }) => {
  const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toBe("image/x-icon");
  const bytes = await ico.body();
  // An icon directory (reserved 0, type 1) holding three images.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4)]).toEqual([0, 1, 3]);

  const html = await (await request.get("/login")).text();
  expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico[^"]*"/);
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"/);
});
