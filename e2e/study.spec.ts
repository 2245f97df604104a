import { expect, test, type Page } from "@playwright/test";
import { answerShownQuestion, freshEmail, signIn, signUp } from "./helpers";

/** Answers the current quiz card with the keyboard where the form allows it. */
async function answerWithKeys(page: Page) {
  const card = page.getByTestId("study-card");
  if ((await card.getByRole("radio").count()) > 0) {
    await page.keyboard.press("1");
    await page.keyboard.press("Space");
  } else if ((await card.getByRole("textbox").count()) > 0) {
    await card.getByRole("textbox").fill("1982");
    await page.keyboard.press("Enter");
  } else {
    await answerShownQuestion(page);
  }
}

async function countsText(page: Page) {
  return (await page.getByTestId("study-counts").textContent())?.trim() ?? "";
}

test("a student studies 10 cards, undoes one, and sees the stats change", async ({ page, browser, isMobile }) => {
  const email = freshEmail("learner");
  await signUp(page, { email, name: "学习者", password: "study-pass-1" });
  // The home page says what today holds and leads to it.
  await page.goto("/");
  await expect(page.getByTestId("home-counts")).toContainText("新卡 20");
  await page.getByRole("link", { name: "开始学习" }).click();
  await expect(page.getByTestId("study-counts")).toContainText("新卡 20");

  // Eight cards in quiz mode: keys on desktop, taps on the phone.
  for (let n = 0; n < 8; n++) {
    const prompt = await page.getByTestId("prompt").textContent();
    if (isMobile) await answerShownQuestion(page);
    else await answerWithKeys(page);
    await expect(page.getByTestId("feedback")).toBeVisible();
    if (isMobile) await page.getByRole("button", { name: "下一张" }).click();
    else await page.keyboard.press("Enter");
    await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  }

  // Two flashcards: flip and self-grade.
  await page.getByRole("radio", { name: "闪卡" }).click();
  for (let n = 0; n < 2; n++) {
    const prompt = await page.getByTestId("prompt").textContent();
    if (isMobile) {
      await page.getByRole("button", { name: "显示答案" }).click();
      await page.getByRole("button", { name: /^良好/ }).click();
    } else {
      await page.keyboard.press("Space");
      await expect(page.getByTestId("card-back")).toBeVisible();
      await page.keyboard.press("3");
    }
    await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  }

  // Undo the last one (U on desktop, the button on the phone).
  await expect(page.getByRole("button", { name: "撤销" })).toBeEnabled();
  if (isMobile) await page.getByRole("button", { name: "撤销" }).click();
  else await page.keyboard.press("u");
  await expect(page.getByText("已撤销上一次复习。")).toBeVisible();

  await page.goto("/stats");
  await expect(page.getByTestId("reviews-today")).toHaveText("9");
  await expect(page.getByTestId("streak")).toHaveText("1 天");

  // A second device of the same student sees the same due counts.
  await page.goto("/study");
  const here = await countsText(page);
  const other = await browser.newContext({ locale: "zh-CN" });
  const second = await other.newPage();
  await signIn(second, email, "study-pass-1");
  await expect(second.getByText("欢迎回来，学习者")).toBeVisible();
  await second.goto("/study");
  await expect(second.getByTestId("study-counts")).toHaveText(here);
  await other.close();
});

test("a new learner's stats say there is nothing yet instead of drawing empty charts", async ({ page }) => {
  await signUp(page, { email: freshEmail("nostats"), name: "新同学", password: "stats-pass-1" });
  await page.goto("/stats");
  for (const chart of ["每天复习数（近 30 天）", "未来 30 天到期预测"]) {
    await expect(page.getByRole("figure", { name: chart }).getByText("还没有数据。")).toBeVisible();
  }
  await expect(page.getByTestId("retention")).toHaveText("—");
});

test("what a guest answered in practice becomes their first reviews after sign-up", async ({ page }) => {
  await page.goto("/practice/yrd");
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByText(`第 ${n} / 5 题`)).toBeVisible();
    await answerShownQuestion(page);
    await expect(page.getByTestId("feedback")).toBeVisible();
    await page.getByRole("button", { name: "下一题" }).click();
  }
  await signUp(page, { email: freshEmail("guest"), name: "访客", password: "guest-pass-1" });
  await page.goto("/stats");
  await expect(page.getByTestId("reviews-today")).toHaveText("3");
});

test("study pages need an account", async ({ page }) => {
  for (const path of ["/study", "/stats", "/study/leeches", "/study/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }
  const response = await page.request.post("/api/reviews", { data: { clientId: "abcdefgh1", questionId: "abcdef12", rating: 3 } });
  expect(response.status()).toBe(401);
});
