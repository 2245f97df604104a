import { expect, test } from "@playwright/test";
import { createAccount, withSessionCookie } from "./api";
import { freshEmail, signIn, signOut, signUp } from "./helpers";

test("sign up, sign out, sign in again (an account that has not studied yet is greeted 欢迎)", async ({ page }) => {
  const email = freshEmail("student");
  await signUp(page, { email, name: "小明", password: "secret-pass-1" });
  await expect(page.getByText("欢迎，小明")).toBeVisible();
  await signOut(page);
  await signIn(page, email, "secret-pass-1");
  await expect(page.getByText("欢迎，小明")).toBeVisible();
});

test("signing out ends the session: a copy of its cookie stops working and is not renewed", async ({ page, context, playwright, baseURL }) => {
  const email = freshEmail("signout");
  await signUp(page, { email, name: "退出者", password: "sign-out-pass-1" });
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie).toBeTruthy();
  const copy = () => withSessionCookie(playwright, String(baseURL), cookie?.value ?? "");
  const before = await copy();
  expect(before.study).toBe("ok");
  expect(before.session.user).toMatchObject({ name: "退出者", email });

  await signOut(page);
  const after = await copy();
  expect(after.study).toMatch(/\/signin\?callbackUrl=%2Fstudy$/);
  expect(after.session).toEqual({});
  expect(after.renewed).toBe("");
  // Signing in again starts a new session.
  await signIn(page, email, "sign-out-pass-1");
  await expect(page.getByText("欢迎，退出者")).toBeVisible();
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const email = freshEmail("teacher");
  await signUp(page, { email, name: "张老师", password: "secret-pass-2", role: "teacher" });
  await signOut(page);
  await signIn(page, email, "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText("邮箱或密码不正确。");
  await signIn(page, freshEmail("nobody"), "secret-pass-2");
  await expect(page.getByTestId("form-error")).toHaveText("邮箱或密码不正确。");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
});

test("sign-up validates the password length and a taken email", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("邮箱").fill("student@demo.local");
  await page.getByLabel("显示名称").fill("重复");
  await page.getByLabel("密码").fill("short");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("密码至少需要 8 个字符。")).toBeVisible();
  await page.getByLabel("密码").fill("long enough password");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("无法用这些信息创建账号。如果你已有账号，请直接登录。")).toBeVisible();
});

test("a protected page sends a visitor to sign-in and back", async ({ page }) => {
  const email = freshEmail("returning");
  await createAccount(page.request, { email, name: "回访", password: "return-pass-1" });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await signIn(page, email, "return-pass-1");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "账户", exact: true })).toBeVisible();
});

test("after sign-up and sign-in only a page of this site is followed", async ({ page, baseURL }) => {
  // Both start with one slash; the browser reads them as //evil.example (a tab is dropped, \ is /).
  const email = freshEmail("redirect");
  await page.goto("/signup?callbackUrl=%2F%5Cevil.example%2Fx");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("显示名称").fill("跳转");
  await page.getByLabel("密码").fill("secret-pass-3");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("button", { name: /用户菜单: 跳转/ })).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/`);
  await signOut(page);
  await page.goto("/signin?callbackUrl=%2F%09%2Fevil.example%2Fx");
  await signIn(page, email, "secret-pass-3");
  await expect(page.getByRole("button", { name: /用户菜单: 跳转/ })).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/`);
});

test("a signed-in user changes display name and password; other devices are signed out", async ({ page, browser }) => {
  const email = freshEmail("rename");
  await signUp(page, { email, name: "旧名字", password: "first-password" });
  // The same account on another device, signed in before the change.
  const other = await browser.newContext({ locale: "zh-CN" });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, "first-password");
  await expect(otherPage.getByRole("button", { name: /用户菜单/ })).toBeVisible();

  await page.goto("/account");
  await page.getByLabel("显示名称").fill("新名字");
  await page.getByRole("button", { name: "保存名称" }).click();
  await expect(page.getByRole("button", { name: /用户菜单: 新名字/ })).toBeVisible();
  await page.getByLabel("当前密码").fill("first-password");
  await page.getByLabel("新密码").fill("second-password");
  // A double tap sends one change: the second no longer fails against the old password.
  await page.getByRole("button", { name: "更新密码" }).dblclick();
  await expect(page.getByText("密码已更新。")).toBeVisible();
  await expect(page.getByText("当前密码不正确。")).toHaveCount(0);

  // This device stays signed in; the other one is sent to sign in.
  await page.reload();
  await expect(page.getByRole("heading", { name: "账户", exact: true })).toBeVisible();
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await other.close();

  await signOut(page);
  await signIn(page, email, "second-password");
  await expect(page.getByText("欢迎，新名字")).toBeVisible();
});

test("the language switch turns the UI to English and back", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Browse decks" })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
});

test("a form refused for no field's sake says why: settings saved after the session ended", async ({ page, context }) => {
  await signUp(page, { email: freshEmail("expired"), name: "过期", password: "expire-pass-1" });
  await page.goto("/study/settings");
  await context.clearCookies();
  await page.getByLabel("每天新卡片上限").fill("30");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请先登录。" })).toBeVisible();
});

test("sign-in, sign-up, account and not-found pages have their own titles", async ({ page }) => {
  await page.goto("/signin");
  await expect(page).toHaveTitle("登录 · Delta Recall");
  await page.goto("/signup");
  await expect(page).toHaveTitle("注册 · Delta Recall");
  await page.goto("/no-such-page");
  await expect(page).toHaveTitle("页面不存在 · Delta Recall");
  const email = freshEmail("titles");
  await createAccount(page.request, { email, name: "标题", password: "title-pass-1" });
  await signIn(page, email, "title-pass-1");
  await expect(page.getByRole("button", { name: /用户菜单/ })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveTitle("账户 · Delta Recall");
});
