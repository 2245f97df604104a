import { expect, test } from "@playwright/test";
import { freshEmail, signUp } from "./helpers";

// The phone layout at 390 × 844: runs in the phone project only (PHONE_ONLY in playwright.config.ts).

test("on a phone the card starts in the top half of the screen, the topics scroll sideways, the header keeps two lines", async ({ page }) => {
  await signUp(page, { email: freshEmail("phone"), name: "手机", password: "phone-pass-1" });
  // The last topic: its chip starts off screen in a one-line row.
  await page.goto(`/study?pack=yrd&topic=${encodeURIComponent("重点任务")}`);
  const topics = page.getByRole("navigation", { name: "主题" });
  const chosen = topics.getByRole("link", { name: "重点任务" });
  await expect(chosen).toHaveAttribute("aria-current", "page");
  await expect(chosen).toBeInViewport();
  const row = await topics.evaluate((nav) => ({ scrolls: nav.scrollWidth > nav.clientWidth, left: nav.scrollLeft }));
  expect(row.scrolls).toBe(true);
  expect(row.left).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const prompt = await page.getByTestId("prompt").boundingBox();
  if (!prompt) throw new Error("no prompt on screen");
  expect(prompt.y).toBeLessThan(844 / 2);
  // Nothing reviewed yet: nothing to undo, and the button shows it.
  const undo = page.getByRole("button", { name: "撤销" });
  await expect(undo).toBeDisabled();
  expect(Number(await undo.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(1);

  // The header keeps its two lines in English too (its four links wrapped into a third).
  const headerHeight = async () => (await page.locator("header").boundingBox())?.height;
  const zh = await headerHeight();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Assignments" })).toBeVisible();
  expect(await headerHeight()).toBe(zh);
});
