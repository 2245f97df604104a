import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { freshEmail, signIn, signUp } from "./helpers";

/** Console messages and page errors about the Content-Security-Policy. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) found.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/Content Security Policy|Refused to/i.test(e.message)) found.push(e.message);
  });
  return found;
}

test("pages carry a nonce CSP, every script has the nonce, and nothing is blocked", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/practice/yrd");
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Every script in the served HTML carries this response's nonce.
  const html = (await response?.text()) ?? "";
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce per request.
  const again = await page.request.get("/practice/yrd");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  // The page hydrated (a client component reacts) and nothing was refused.
  await page.goto("/decks");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a learner downloads their data, then deletes the account with the password", async ({ page }) => {
  const violations = cspViolations(page);
  const email = freshEmail("leaver");
  const password = "correct horse";
  await signUp(page, { email, name: "要走的同学", password });
  await page.goto("/account");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载我的数据" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^delta-recall-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), "utf8");
  const data = JSON.parse(text) as { profile: { email: string; name: string }; reviews: unknown[] };
  expect(data.profile).toMatchObject({ email, name: "要走的同学" });
  expect(Array.isArray(data.reviews)).toBe(true);
  expect(text).not.toContain("passwordHash");

  const field = page.getByLabel("输入密码以确认");
  await field.fill("wrong password");
  await page.getByRole("button", { name: "永久删除我的账户" }).click();
  await expect(page.getByText("当前密码不正确。")).toBeVisible();

  await field.fill(password);
  await page.getByRole("button", { name: "永久删除我的账户" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  // The account is gone: the same credentials no longer sign in, and the export is refused.
  expect((await page.request.get("/api/account/export")).status()).toBe(401);
  await signIn(page, email, password);
  await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();
  expect(violations).toEqual([]);
});
