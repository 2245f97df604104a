import { expect, test, type Page } from "@playwright/test";
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

/** Starts a practice set of one form (its label) and `length` questions. */
async function practiseOnly(page: Page, form: string, length = 10) {
  await page.goto("/practice/yrd");
  for (const other of ["单选", "判断", "填空", "数字", "排序", "多选", "配对"]) if (other !== form) await page.getByLabel(other).uncheck();
  await page.getByLabel(String(length), { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByText(new RegExp(`第 1 / \\d+ 题 · ${form}`))).toBeVisible();
}

/** Answers questions with `answer` until one is graded wrong (questions are random; a set of 10 makes it near certain). */
async function untilWrong(page: Page, answer: () => Promise<void>) {
  for (let n = 0; n < 10; n++) {
    await answer();
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.getByTestId("feedback")).toBeVisible();
    if ((await page.getByTestId("feedback").innerText()).includes("回答错误")) return;
    await page.getByRole("button", { name: /下一题|查看成绩/ }).click();
  }
  throw new Error("no wrong answer in the set");
}

test("a wrong choice shows the right option ✓ and the pick ✗ in the list itself", async ({ page }) => {
  await practiseOnly(page, "单选");
  let picked = "";
  await untilWrong(page, async () => {
    const first = page.getByRole("radio").first();
    picked = (await first.locator("xpath=..").innerText()).replace(/^\d+\s*/, "").trim();
    await first.check();
  });
  const marked = page.getByTestId("marked-answer");
  // The list replaces the controls, one row per option.
  await expect(page.getByRole("radio")).toHaveCount(0);
  const rows = marked.getByRole("listitem");
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  const key = rows.filter({ hasText: "正确答案" });
  await expect(key).toHaveCount(1);
  await expect(key).toContainText("✓ 正确答案");
  await expect(key).not.toContainText("你的选择");
  const pick = rows.filter({ hasText: "你的选择" });
  await expect(pick).toHaveCount(1);
  await expect(pick).toContainText(picked);
  await expect(pick).toContainText("✗ 你的选择");
  // Screen readers hear that the pick was wrong; the symbol itself is hidden from them.
  await expect(pick.locator(".sr-only")).toHaveText("（错）");
  // The expected-answer line is not repeated under the list.
  await expect(page.getByTestId("feedback")).not.toContainText("正确答案");
});

test("a multi marks each right option, each wrong pick, and a right pick apart", async ({ page }) => {
  await practiseOnly(page, "多选");
  // Every option ticked: the distractors are wrong picks.
  await untilWrong(page, async () => {
    const boxes = page.getByRole("checkbox");
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  });
  const rows = page.getByTestId("marked-answer").getByRole("listitem");
  const wrong = rows.filter({ hasText: "✗ 你的选择" });
  const right = rows.filter({ hasText: "✓ 正确答案" });
  expect(await wrong.count()).toBeGreaterThanOrEqual(1);
  expect(await right.count()).toBeGreaterThanOrEqual(1);
  expect((await wrong.count()) + (await right.count())).toBe(await rows.count());
  // A right pick: the key mark and a neutral one for the pick.
  for (let i = 0; i < (await right.count()); i++) await expect(right.nth(i)).toContainText("● 你的选择");
  for (let i = 0; i < (await wrong.count()); i++) await expect(wrong.nth(i)).not.toContainText("正确答案");
});

test("an order answer is marked row by row with where a wrong item belongs", async ({ page }) => {
  await practiseOnly(page, "排序");
  let order: string[] = [];
  await untilWrong(page, async () => {
    order = (await page.locator("form ol > li").allInnerTexts()).map((t) => t.split("\n").map((s) => s.trim()).filter((s) => s && !/^\d+$/.test(s) && s !== "↑" && s !== "↓")[0] ?? "");
  });
  const rows = page.getByTestId("marked-answer").getByRole("listitem");
  await expect(rows).toHaveCount(order.length);
  for (const [i, item] of order.entries()) {
    const row = rows.nth(i);
    await expect(row).toContainText(`第 ${i + 1} 位`);
    await expect(row).toContainText(item);
    await expect(row).toContainText(/✓ 回答正确|✗ 应在第 \d+ 位/);
  }
  expect(await rows.filter({ hasText: /✗ 应在第 \d+ 位/ }).count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("feedback")).not.toContainText("→");
});

test("a match answer is marked per item with the right pairing where it was wrong", async ({ page }) => {
  await practiseOnly(page, "配对");
  let lefts: string[] = [];
  await untilWrong(page, async () => {
    const selects = page.getByRole("combobox");
    lefts = [];
    for (let i = 0; i < (await selects.count()); i++) {
      await selects.nth(i).selectOption({ index: 1 });
      lefts.push((await selects.nth(i).locator("xpath=preceding-sibling::span").innerText()).trim());
    }
  });
  const rows = page.getByTestId("marked-answer").getByRole("listitem");
  await expect(rows).toHaveCount(lefts.length);
  for (const [i, left] of lefts.entries()) {
    await expect(rows.nth(i)).toContainText(left);
    await expect(rows.nth(i)).toContainText(/✓ 回答正确|✗ 正确答案：\S/);
  }
  expect(await rows.filter({ hasText: "✗ 正确答案：" }).count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("feedback")).not.toContainText("=>");
});
