import { expect, test, type Browser, type Page } from "@playwright/test";
import { callAction, draftInput, Form, must, openDb, persona, type Persona } from "./api";
import { freshEmail, signUp } from "./helpers";

// Issue #19's small ones: keyboard in practice, dates, the join confirmation, the offline page,
// the exam date, the first greeting and English plurals. Each test makes its own users.

const C = "lib/features/classes/actions.ts";
const A = "lib/features/assignments/actions.ts";

/** The learner's day (default settings: Asia/Shanghai, starting at 04:00), `days` from today. */
function learnerDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + (8 - 4) * 3_600_000).toISOString().slice(0, 10);
}

/** A page signed in as the persona, in a context of its own. */
async function pageOf(browser: Browser, who: Persona, baseURL: string, locale?: "en"): Promise<Page> {
  const context = await browser.newContext({ storageState: await who.request.storageState(), baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  if (locale) await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
  return context.newPage();
}

async function setSetting(page: Page, label: string, value: string) {
  await page.goto("/study/settings");
  await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("设置已保存。")).toBeVisible();
}

test("practice: a number key picks an option, Enter submits and Enter goes on; the hint lists those keys (with a mouse)", async ({ page, isMobile }) => {
  await page.goto("/practice/yrd");
  for (const form of ["判断", "填空", "数字", "排序", "多选", "配对"]) await page.getByLabel(form).uncheck();
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByText("第 1 / 5 题 · 单选")).toBeVisible();
  const hint = page.getByTestId("key-hint");
  // A phone has no keyboard to speak of: no hint there.
  if (isMobile) await expect(hint).toBeHidden();
  else await expect(hint).toHaveText(/^快捷键：数字键 1–[34] 选择，回车提交。$/);
  await page.keyboard.press("2");
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
  if (!isMobile) await expect(hint).toHaveText("快捷键：回车进入下一题。");
  await page.keyboard.press("Enter");
  await expect(page.getByText("第 2 / 5 题 · 单选")).toBeVisible();
  await expect(page.getByTestId("feedback")).toHaveCount(0);
});

test("practice: in a multiple-answer question a number key ticks and unticks", async ({ page, isMobile }) => {
  // Skipped on the phone: a touch device has no number keys and no key hint.
  test.skip(isMobile, "keys are a keyboard's");
  await page.goto("/practice/yrd");
  for (const form of ["单选", "判断", "填空", "数字", "排序", "配对"]) await page.getByLabel(form).uncheck();
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByText("第 1 / 5 题 · 多选")).toBeVisible();
  await expect(page.getByTestId("key-hint")).toHaveText(/^快捷键：数字键 1–\d 勾选或取消，回车提交。$/);
  const boxes = page.getByRole("checkbox");
  await page.keyboard.press("1");
  await page.keyboard.press("3");
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  await page.keyboard.press("3");
  await expect(boxes.nth(2)).not.toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
});

test("a due date names its time zone only when the reader's differs", async ({ browser, playwright, baseURL }) => {
  const teacher = await persona(playwright, baseURL!, "teacher", "zone-teacher");
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "时区班" })]));
  const { id } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, draftInput("时区测验")]));
  await must(callAction(teacher.request, `${A}#publishAssignmentAction`, [{ assignmentId: id }]));
  const page = await pageOf(browser, teacher, baseURL!);
  await page.goto(`/classes/${classId}/assignments`);
  const list = page.getByTestId("assignment-list");
  await expect(list).toContainText("截止");
  await expect(list).not.toContainText("GMT");
  await setSetting(page, "时区", "Europe/London");
  await page.goto(`/classes/${classId}/assignments`);
  await expect(list).toContainText("GMT+8");
  await page.context().close();
});

test("joining a class says 已加入 with the class's name", async ({ page, playwright, baseURL }) => {
  const teacher = await persona(playwright, baseURL!, "teacher", "join-teacher");
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "地理二班" })]));
  const db = openDb();
  const code = (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(classId) as { joinCode: string }).joinCode;
  db.close();
  await signUp(page, { email: freshEmail("joiner"), name: "新同学", password: "joiner-pass-1" });
  await page.goto("/join");
  await page.getByLabel("加入码").fill(code.toLowerCase());
  await page.getByRole("button", { name: "加入", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("✓ 已加入 地理二班");
  await expect(page.getByRole("heading", { level: 1, name: "地理二班" })).toBeVisible();
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });

  test("the offline page cached for a guest is not shown with 登录 to the learner who signed in since", async ({ page, context }) => {
    const offlineCached = () =>
      page.waitForFunction(async () => (await (await caches.open("pages")).match("/offline", { ignoreVary: true })) !== undefined, null, { timeout: 40_000 });
    await page.goto("/");
    await offlineCached();
    await signUp(page, { email: freshEmail("offline-menu"), name: "离线用户", password: "offline-menu-1" });
    await page.goto("/study");
    await expect(page.getByTestId("prompt")).toBeVisible();
    // The worker controls the page (a reload is the standard way, for a claim that did not reach it).
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await offlineCached();
    await context.setOffline(true);
    await page.goto("/decks");
    await expect(page.getByRole("heading", { level: 1, name: "你现在离线" })).toBeVisible();
    await expect(page.getByRole("button", { name: /用户菜单: 离线用户/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "登录" })).toHaveCount(0);
    await context.setOffline(false);
  });
});

test("the exam date shows on home and /study with the days left, in both languages", async ({ page, context, baseURL }) => {
  await signUp(page, { email: freshEmail("exam"), name: "备考生", password: "exam-pass-1" });
  await page.goto("/");
  await expect(page.getByTestId("exam-countdown")).toHaveCount(0);
  const exam = learnerDay(12);
  await setSetting(page, "考试日期（可选）", exam);
  const [, month, day] = exam.split("-").map(Number);
  await page.goto("/");
  await expect(page.getByTestId("exam-countdown")).toHaveText(`考试：${month}月${day}日，还有 12 天`);
  await page.goto("/study");
  await expect(page.getByTestId("exam-countdown")).toHaveText(`考试：${month}月${day}日，还有 12 天`);
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/");
  await expect(page.getByTestId("exam-countdown")).toHaveText(/^Exam: \w+ \d+, in 12 days$/);
  await context.clearCookies({ name: "locale" });
  await setSetting(page, "考试日期（可选）", learnerDay(1));
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/study");
  await expect(page.getByTestId("exam-countdown")).toHaveText(/^Exam: \w+ \d+, in 1 day$/);
});

test("a new account is greeted 欢迎, one that has studied 欢迎回来", async ({ page, browser, playwright, baseURL }) => {
  await signUp(page, { email: freshEmail("greet"), name: "初来者", password: "greet-pass-1" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("欢迎，初来者");

  const back = await persona(playwright, baseURL!, "student", "greet-back");
  const [question] = await must<{ id: string }[]>(
    callAction(back.request, "lib/features/practice/actions.ts#startPracticeAction", [{ pack: "yrd", topics: [], forms: ["mc"], length: 5 }]),
  );
  expect((await back.request.post("/api/reviews", { data: { clientId: "greet-back-1", questionId: question!.id, response: "x" } })).status()).toBe(200);
  const other = await pageOf(browser, back, baseURL!);
  await other.goto("/");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("欢迎回来，greet-back");
  await other.context().close();
});

test("English counts agree with their number: 1 student, 2 students", async ({ browser, playwright, baseURL }) => {
  const [teacher, s1, s2] = await Promise.all([
    persona(playwright, baseURL!, "teacher", "plural-teacher"),
    persona(playwright, baseURL!, "student", "plural-s1"),
    persona(playwright, baseURL!, "student", "plural-s2"),
  ]);
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "Plural class" })]));
  const db = openDb();
  const code = (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(classId) as { joinCode: string }).joinCode;
  db.close();
  await must(callAction(s1.request, `${C}#joinClassAction`, [new Form({ code })]));
  const page = await pageOf(browser, teacher, baseURL!, "en");
  await page.goto("/classes");
  await expect(page.getByText(`Code ${code} · 1 student`, { exact: true })).toBeVisible();
  await must(callAction(s2.request, `${C}#joinClassAction`, [new Form({ code })]));
  await page.reload();
  await expect(page.getByText(`Code ${code} · 2 students`, { exact: true })).toBeVisible();
  await page.context().close();
});

test.describe("the deck page on a phone", () => {
  // Skipped on the desktop: these check the phone layout (collapsed sections, page height).
  test.beforeEach(({ isMobile }) => test.skip(!isMobile, "about the phone"));

  test("is short: a topic index that links, sections closed until opened, a search over the facts", async ({ page }) => {
    await page.goto("/decks/yrd");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Every section open, it measured 49,291 px at 390 px.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3_000);
    const timeline = page.locator("details#timeline");
    await expect(timeline).not.toHaveAttribute("open");
    await expect(page.locator("time[datetime='1982-12-22']")).toBeHidden();

    // A link of the index opens its section.
    await page.getByRole("navigation", { name: "跳转到" }).getByRole("link", { name: /^时间线/ }).click();
    await expect(timeline).toHaveAttribute("open");
    await expect(page.locator("time[datetime='1982-12-22']")).toBeVisible();

    // The search keeps only the facts containing the text, in every section.
    await page.getByLabel("搜索知识点").fill("1982");
    await expect(page.getByTestId("deck-matches")).toHaveText(/^找到 \d+ 条$/);
    await expect(page.locator("time[datetime='1982-12-22']")).toBeVisible();
    await expect(page.locator("[data-fact]:visible").filter({ hasNotText: "1982" })).toHaveCount(0);
    await page.getByLabel("搜索知识点").fill("没有这种东西");
    await expect(page.getByTestId("deck-matches")).toHaveText("没有包含这段文字的知识点。");

    // A topic narrows the page to its facts, sections open.
    await page.goto("/decks/yrd");
    const topics = page.getByRole("navigation", { name: "主题" });
    await topics.getByRole("link", { name: /^发展历史/ }).click();
    await expect(page).toHaveURL(/\?topic=/);
    await expect(topics.getByRole("link", { name: /^发展历史/ })).toHaveAttribute("aria-current", "page");
    await expect(page.locator("details#timeline")).toHaveAttribute("open");
    await expect(page.locator("time[datetime='1982-12-22']")).toBeVisible();
  });
});

test("the deck page's search speaks English too", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/decks/yrd");
  await page.getByLabel("Search the facts").fill("1982");
  await expect(page.getByTestId("deck-matches")).toHaveText(/^(1 fact matches|\d+ facts match)$/);
});
