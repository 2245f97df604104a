import { expect, test } from "@playwright/test";
import { answerShownQuestion } from "./helpers";

test("an anonymous visitor completes a 10-question practice quiz", async ({ page }) => {
  await page.goto("/decks");
  await page.getByRole("link", { name: "练习" }).first().click();
  await expect(page).toHaveURL(/\/practice\/yrd$/);
  await page.getByRole("button", { name: "开始练习" }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`第 ${n} / 10 题`)).toBeVisible();
    await answerShownQuestion(page);
    const feedback = page.getByTestId("feedback");
    await expect(feedback).toBeVisible();
    await expect(feedback).toContainText(/回答正确|部分正确|回答错误/);
    await expect(feedback).toContainText("出处：");
    await page.getByRole("button", { name: n === 10 ? "查看成绩" : "下一题" }).click();
  }
  await expect(page.getByTestId("score")).toHaveText(/得分：\d+ \/ 10/);
});

test("practice can be narrowed to one form and one topic", async ({ page }) => {
  await page.goto("/practice/yrd");
  for (const form of ["单选", "填空", "数字", "排序", "多选", "配对"]) await page.getByLabel(form).uncheck();
  await page.getByLabel("发展历史").check();
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByText("第 1 / 5 题 · 判断")).toBeVisible();
  await page.getByRole("radio", { name: /正确/ }).check();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("feedback")).toContainText("出处：发展历史");
});

test("a typed answer stops at the length the server accepts, and a long one is graded, not refused", async ({ page }) => {
  await page.goto("/practice/yrd");
  for (const form of ["单选", "判断", "数字", "排序", "多选", "配对"]) await page.getByLabel(form).uncheck();
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByText("第 1 / 5 题 · 填空")).toBeVisible();
  const answer = page.getByRole("textbox");
  await answer.fill("长".repeat(600));
  await expect(answer).toHaveValue("长".repeat(500));
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByText("输入有误，请检查。")).toHaveCount(0);
});

test("the deck page lays out the timeline, lists and groups", async ({ page, isMobile }) => {
  await page.goto("/decks/yrd");
  await expect(page.getByRole("heading", { name: "时间线" })).toBeVisible();
  // Sections start closed on a phone (open from `sm` up).
  if (isMobile) for (const id of ["timeline", "sets"]) await page.locator(`details#${id} > summary`).click();
  await expect(page.locator("time[datetime='1982-12-22']")).toBeVisible();
  await expect(page.getByRole("heading", { name: "要点与列表" })).toBeVisible();
  await expect(page.getByText("创新共建").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "分组" })).toBeVisible();
});
