import { expect, type Page } from "@playwright/test";

let counter = 0;
/** An email no other test (or run) uses. */
export function freshEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${process.pid}-${counter}@example.com`;
}

export async function signUp(page: Page, opts: { email: string; name: string; password: string; role?: "student" | "teacher" }) {
  await page.goto("/signup");
  await page.getByLabel("邮箱").fill(opts.email);
  await page.getByLabel("显示名称").fill(opts.name);
  await page.getByLabel("密码").fill(opts.password);
  await page.getByLabel(opts.role === "teacher" ? "老师" : "学生").check();
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("button", { name: new RegExp(`用户菜单: ${opts.name}`) })).toBeVisible();
}

/** Signs in on the current sign-in page, or opens it first. */
export async function signIn(page: Page, email: string, password: string) {
  if (!new URL(page.url()).pathname.startsWith("/signin")) await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /用户菜单/ }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
}

/**
 * Answers the question on screen with something valid for its form (right or wrong), by taps
 * and clicks, then submits. `order` needs no input: the shown order is an answer.
 */
export async function answerShownQuestion(page: Page) {
  // The question renders after a server round trip: look at the form only once it is there.
  await expect(page.getByTestId("prompt")).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByTestId("prompt") });
  const radios = form.getByRole("radio");
  const checkboxes = form.getByRole("checkbox");
  const textbox = form.getByRole("textbox");
  const selects = form.getByRole("combobox");
  if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await checkboxes.count()) > 0) {
    await checkboxes.first().check();
  } else if ((await textbox.count()) > 0) {
    await textbox.fill("1982");
  } else if ((await selects.count()) > 0) {
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
  }
  await form.getByRole("button", { name: "提交" }).click();
}
