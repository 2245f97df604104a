import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type BrowserContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { freshEmail, signUp } from "./helpers";

// Every page of the app passes axe (WCAG 2.1 A and AA) in both languages, in light and dark
// mode, on both projects. Pages are visited in groups that share one sign-in; the languages
// and colour schemes loop inside each test, so a page is loaded once per language and axe runs
// once per scheme on it (switching the scheme needs no reload). The table names the page file
// each visit covers; a page file the table does not name fails the coverage test.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LANGS = [
  { locale: "zh-CN", lang: "zh-CN" },
  { locale: "en", lang: "en" },
] as const;
const SCHEMES = ["light", "dark"] as const;
/**
 * Per-test limits, as guards against a hang: axe on every page in two languages takes minutes,
 * and more on a slower host of the CI's kind (the class test once took 4.6 min, before axe ran
 * in legacy mode; 1.4-2.3 min since).
 */
const LONG = 360_000;
const LONGEST = 600_000;

type Lang = (typeof LANGS)[number];

/** The page files (relative to app/) each group visits; `not-found.tsx` stands for unknown paths. */
const COVERED = {
  anonymous: ["page.tsx", "signin/page.tsx", "signup/page.tsx", "decks/page.tsx", "decks/[pack]/page.tsx", "practice/[pack]/page.tsx", "not-found.tsx"],
  student: ["study/page.tsx", "study/leeches/page.tsx", "study/settings/page.tsx", "stats/page.tsx", "account/page.tsx", "join/page.tsx", "offline/page.tsx"],
  classroom: [
    "classes/page.tsx",
    "classes/new/page.tsx",
    "classes/[classId]/page.tsx",
    "classes/[classId]/recall/page.tsx",
    "classes/[classId]/assignments/page.tsx",
    "classes/[classId]/assignments/new/page.tsx",
    "classes/[classId]/assignments/[assignmentId]/page.tsx",
    "classes/[classId]/assignments/[assignmentId]/edit/page.tsx",
    "classes/[classId]/assignments/[assignmentId]/preview/page.tsx",
    "classes/[classId]/assignments/[assignmentId]/report/page.tsx",
    "classes/[classId]/assignments/[assignmentId]/report/students/[userId]/page.tsx",
    "join/[code]/page.tsx",
    "assignments/page.tsx",
    "assignments/[assignmentId]/page.tsx",
  ],
};

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return entry.name === "page.tsx" || entry.name === "not-found.tsx" ? [path] : [];
  });
}

test("the table covers every page file under app/", () => {
  const app = join(__dirname, "..", "app");
  const found = pageFiles(app).map((p) => relative(app, p).split(sep).join("/")).sort();
  const covered = Object.values(COVERED).flat().sort();
  expect(found.filter((f) => !covered.includes(f)), "page files the a11y spec does not visit").toEqual([]);
  expect(covered.filter((f) => !found.includes(f)), "table entries with no page file").toEqual([]);
});

async function setLanguage(context: BrowserContext, lang: Lang) {
  await context.addCookies([{ name: "locale", value: lang.locale, url: baseURL }]);
}

/**
 * Light mode gets every WCAG 2.1 A/AA rule. Dark mode changes only colours, so it gets the
 * contrast rule, once per page: the desktop project in zh-CN, the phone in English (a full
 * second pass would double the spec's time; the deck page alone takes seconds per pass).
 * Fails with a readable list: rule, impact, and the first few offending nodes.
 */
async function expectAccessible(page: Page, what: string, lang: Lang, phone: boolean) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang.lang);
  const schemes = phone === (lang === LANGS[1]) ? SCHEMES : (["light"] as const);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    // Only violations are read: skipping the passes' details saves seconds on the long deck page.
    // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
    // frame results, which doubled each run's time here, and these pages have no frames.
    const builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
    const axe = scheme === "dark" ? builder.withRules(["color-contrast"]) : builder.withTags(TAGS);
    const t0 = Date.now();
    const { violations } = await axe.analyze();
    if (process.env.A11Y_TIMING) console.log(`axe ${what} ${scheme} ${Date.now() - t0} ms`);
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join(" | ")}`);
    expect.soft(found, `${what} [${lang.locale}, ${scheme}]`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (phone) expect.soft(await smallTargets(page), `tap targets under 44 px: ${what} [${lang.locale}]`).toEqual([]);
  expect.soft(await movingElements(page), `motion despite prefers-reduced-motion: ${what}`).toEqual([]);
}

/**
 * Controls smaller than 44 × 44 px (WCAG 2.5.5), except links inside running text (2.5.8's
 * inline exception) and radios/checkboxes whose label is the target.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=radio]")) {
      let box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
        const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (label) box = label.getBoundingClientRect();
      }
      if (el.tagName === "A" && getComputedStyle(el).display === "inline") continue;
      if (box.height < 43.5 || box.width < 43.5) small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

/** Elements that still animate or transition when the user asked for reduced motion. */
async function movingElements(page: Page): Promise<string[]> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const moving = await page.evaluate(() => {
    const seconds = (v: string) => Math.max(...v.split(",").map((s) => (s.trim().endsWith("ms") ? parseFloat(s) / 1000 : parseFloat(s))));
    return [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => {
        const style = getComputedStyle(el);
        return seconds(style.transitionDuration) > 0.001 || (style.animationName !== "none" && seconds(style.animationDuration) > 0.001);
      })
      .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(" ")[0]}` : ""));
  });
  await page.emulateMedia({ reducedMotion: "no-preference" });
  return moving;
}

/** Answers the question on screen (right or wrong) without relying on the UI language. */
async function answerAnything(page: Page) {
  const form = page.locator("form").filter({ has: page.getByTestId("prompt") });
  await expect(form).toBeVisible();
  if ((await form.getByRole("radio").count()) > 0) await form.getByRole("radio").first().check();
  else if ((await form.getByRole("checkbox").count()) > 0) await form.getByRole("checkbox").first().check();
  else if ((await form.getByRole("textbox").count()) > 0) await form.getByRole("textbox").fill("1982");
  else for (const select of await form.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  await form.locator("button[type=submit]").click();
  // Right or wrong is said with a symbol and words, not by colour alone.
  await expect(page.getByTestId("feedback")).toContainText(/[✓✗◐]\s*\S/);
}

/**
 * Tabs through the page's first controls: each one that takes focus draws a visible outline
 * (or ring), and focus never gets stuck.
 */
async function expectFocusVisible(page: Page, what: string, presses = 12) {
  const seen: string[] = [];
  const invisible: string[] = [];
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { name: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 20)}"`, visible };
    });
    if (!focused) continue;
    seen.push(focused.name);
    if (!focused.visible) invisible.push(focused.name);
  }
  expect(new Set(seen).size, `keyboard focus moves through ${what}`).toBeGreaterThan(3);
  expect.soft(invisible, `focus without a visible outline: ${what}`).toEqual([]);
}

test("anonymous pages", async ({ page, context, isMobile }) => {
  test.setTimeout(LONG);
  // The language switch sets the language, and <html lang> follows it.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  if (!isMobile) {
    await expectFocusVisible(page, "/");
    await page.goto("/practice/yrd");
    await expectFocusVisible(page, "/practice/yrd", 20);
  }
  for (const lang of LANGS) {
    await setLanguage(context, lang);
    for (const path of ["/", "/signin", "/signup", "/decks", "/decks/yrd"]) {
      await page.goto(path);
      await expectAccessible(page, path, lang, isMobile);
    }
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expectAccessible(page, "not found", lang, isMobile);

    // Practice: the setup, a question with its feedback, and the score of a 5-question round.
    await page.goto("/practice/yrd");
    await expectAccessible(page, "/practice/yrd setup", lang, isMobile);
    await page.getByLabel("5", { exact: true }).check();
    await page.locator("form button[type=submit]").click();
    await answerAnything(page);
    await expectAccessible(page, "/practice/yrd feedback", lang, isMobile);
    for (let n = 2; n <= 5; n++) {
      await page.locator("form button[type=submit]").click();
      await answerAnything(page);
    }
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("score")).toBeVisible();
    await expectAccessible(page, "/practice/yrd score", lang, isMobile);
  }
});

test("student pages", async ({ page, context, isMobile }) => {
  test.setTimeout(LONG);
  await signUp(page, { email: freshEmail("a11y-student"), name: "无障碍同学", password: "a11y-pass-1" });
  for (const lang of LANGS) {
    await setLanguage(context, lang);
    await page.goto("/study");
    const modes = page.locator("[role=radiogroup] [role=radio]");
    await modes.first().click();
    await answerAnything(page);
    await expectAccessible(page, "/study quiz feedback", lang, isMobile);
    // The answered card stays a quiz card until Next; the one after it is a flashcard.
    await modes.nth(1).click();
    await page.getByRole("button", { name: lang.lang === "en" ? "Next card" : "下一张" }).click();
    await page.getByTestId("study-card").getByRole("button", { name: lang.lang === "en" ? "Show answer" : "显示答案" }).click();
    await expect(page.getByTestId("card-back")).toBeVisible();
    await expectAccessible(page, "/study flashcard back", lang, isMobile);
    if (!isMobile && lang === LANGS[0]) await expectFocusVisible(page, "/study flashcard");
    for (const path of ["/", "/study/leeches", "/study/settings", "/stats", "/account", "/join", "/offline"]) {
      await page.goto(path);
      await expectAccessible(page, path, lang, isMobile);
    }
    // The user menu, open.
    await page.locator("button[aria-controls=user-menu]").click();
    await expect(page.locator("#user-menu")).toBeVisible();
    await expectAccessible(page, "user menu open", lang, isMobile);
  }
});

test("teacher and class pages, and a student taking an assignment", async ({ page: teacher, context, browser, isMobile }, testInfo) => {
  test.setTimeout(LONGEST);
  await signUp(teacher, { email: freshEmail("a11y-teacher"), name: "无障碍老师", password: "a11y-pass-1", role: "teacher" });
  await teacher.goto("/classes/new");
  await teacher.getByLabel("班级名称").fill("无障碍班");
  await teacher.getByRole("button", { name: "创建班级" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "无障碍班" })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  const classPath = new URL(teacher.url()).pathname;

  await teacher.goto(`${classPath}/assignments/new`);
  // The submit button is enabled once the form has hydrated: a field filled before then can be reset.
  await expect(teacher.getByRole("button", { name: "保存草稿并预览" })).toBeEnabled();
  await teacher.getByLabel("标题", { exact: true }).fill("无障碍测验");
  for (const form of ["填空", "数字", "排序", "多选", "配对"]) {
    const box = teacher.getByRole("checkbox", { name: form, exact: true });
    if ((await box.count()) > 0) await box.uncheck();
  }
  await teacher.getByLabel("题数", { exact: true }).fill("2");
  await teacher.getByRole("button", { name: "保存草稿并预览" }).click();
  await expect(teacher.getByTestId("preview-questions")).toBeVisible();
  const assignmentPath = new URL(teacher.url()).pathname.replace(/\/preview$/, "");

  for (const lang of LANGS) {
    await setLanguage(context, lang);
    // The teacher's home page (their classes), the draft's edit page and its preview.
    for (const path of ["/", `${assignmentPath}/edit`, `${assignmentPath}/preview`]) {
      await teacher.goto(path);
      await expectAccessible(teacher, path, lang, isMobile);
    }
  }
  await setLanguage(context, LANGS[0]);
  await teacher.goto(`${assignmentPath}/preview`);
  await teacher.getByRole("button", { name: "发布" }).first().click();
  await expect(teacher.getByTestId("assignment-state")).toHaveText("开放中");

  // The student, in this project's device: the join page, then the assignment while taking it.
  const device = testInfo.project.name === "phone" ? { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } } : devices["Desktop Chrome"];
  const studentContext = await browser.newContext({ ...device, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const student = await studentContext.newPage();
  await signUp(student, { email: freshEmail("a11y-pupil"), name: "无障碍学生", password: "a11y-pass-1" });
  for (const lang of LANGS) {
    await setLanguage(studentContext, lang);
    await student.goto(`/join/${code}`);
    await expectAccessible(student, "/join/[code]", lang, isMobile);
  }
  await setLanguage(studentContext, LANGS[0]);
  await student.goto("/join");
  await student.getByLabel("加入码").fill(code);
  await student.getByRole("button", { name: "加入", exact: true }).click();
  await expect(student.getByRole("heading", { level: 1, name: "无障碍班" })).toBeVisible();
  await student.goto("/assignments");
  await student.getByTestId("student-assignment").filter({ hasText: "无障碍测验" }).click();
  await student.waitForURL(/\/assignments\/[^/]+$/);
  const takePath = new URL(student.url()).pathname;
  for (const lang of LANGS) {
    await setLanguage(studentContext, lang);
    // The home page with an assignment to do, and the list of them.
    for (const path of ["/", "/assignments"]) {
      await student.goto(path);
      await expectAccessible(student, path, lang, isMobile);
    }
    await student.goto(takePath);
    await expectAccessible(student, "/assignments/[id] before starting", lang, isMobile);
  }
  await setLanguage(studentContext, LANGS[0]);
  await student.goto(takePath);
  await student.getByRole("button", { name: "开始作答" }).click();
  await answerAnything(student);
  for (const lang of LANGS) {
    await setLanguage(studentContext, lang);
    await student.goto(takePath);
    await expect(student.getByTestId("prompt")).toBeVisible();
    await expectAccessible(student, "/assignments/[id] taking", lang, isMobile);
  }
  await setLanguage(studentContext, LANGS[0]);
  await student.goto(takePath);
  await answerAnything(student);
  await student.getByRole("button", { name: "下一题" }).click();
  await expect(student.getByRole("button", { name: "交卷", exact: true })).toBeVisible();
  await expectAccessible(student, "/assignments/[id] hand-in step", LANGS[0], isMobile);
  await student.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(student.getByTestId("score")).toBeVisible();
  for (const lang of LANGS) {
    await setLanguage(studentContext, lang);
    await student.goto(takePath);
    await expect(student.getByTestId("score")).toBeVisible();
    await expectAccessible(student, "/assignments/[id] results", lang, isMobile);
  }
  await studentContext.close();

  // The teacher's pages, with the hand-in in the report.
  await teacher.goto(`${assignmentPath}/report`);
  const studentReport = await teacher.locator("a[href*='/report/students/']").first().getAttribute("href");
  expect(studentReport).toBeTruthy();
  for (const lang of LANGS) {
    await setLanguage(context, lang);
    for (const path of ["/classes", "/classes/new", classPath, `${classPath}/recall`, `${classPath}/assignments`, `${classPath}/assignments/new`, assignmentPath, `${assignmentPath}/report`, studentReport ?? ""]) {
      await teacher.goto(path);
      await expectAccessible(teacher, path, lang, isMobile);
    }
  }
});
