import { expect, test } from "@playwright/test";

// Links prefetch on intent, not when they scroll into view (lib/ui/link.tsx): a page load sends
// no prefetch, focusing (or pointing at) a link prefetches that link alone, and following it is
// a client-side navigation.
test("links prefetch on intent only", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/", { waitUntil: "networkidle" });
  // Viewport prefetching would have started at hydration, well before the network went idle.
  expect(prefetched, "prefetches on load").toEqual([]);

  const decks = page.getByRole("banner").getByRole("link", { name: "题库", exact: true });
  const prefetch = page.waitForRequest((r) => Boolean(r.headers()["next-router-prefetch"]));
  await decks.focus();
  expect(new URL((await prefetch).url()).pathname).toBe("/decks");
  expect(new Set(prefetched)).toEqual(new Set(["/decks"]));

  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await decks.click();
  await expect(page).toHaveURL(/\/decks$/);
  // The window survived: the router navigated without a full page load.
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
});
