import { expect, test } from "@playwright/test";
import { freshEmail, signUp } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signUp(page, { email: freshEmail("teacher"), name: "周老师", password: "teach-pass-1", role: "teacher" });
  await page.goto("/classes/new");
  await page.getByLabel("班级名称").fill("初一（2）班");
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "初一（2）班" })).toBeVisible();
});

test("the join panel copies the code and the link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  const link = (await page.getByTestId("join-link").textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "复制加入码" }).click();
  await expect(page.getByText("已复制")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await page.getByRole("button", { name: "复制链接" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test("archiving by keyboard keeps focus on the button, now 取消归档", async ({ page }) => {
  await page.getByRole("button", { name: "归档班级" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "取消归档" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "归档班级" })).toBeFocused();
});

test("the assignment form says what each refused field needs, and a delete is confirmed by keyboard", async ({ page }) => {
  await page.getByRole("link", { name: "作业" }).last().click();
  await page.getByRole("link", { name: "新建作业" }).click();
  await page.getByLabel("题数", { exact: true }).fill("0");
  await page.getByLabel("可作答次数", { exact: true }).fill("11");
  await page.getByLabel("掌握目标（%）", { exact: true }).fill("150");
  await page.getByRole("button", { name: "保存草稿并预览" }).click();
  await expect(page.getByText("请填写标题（1–120 个字符）。")).toBeVisible();
  await expect(page.getByText("请输入 1–200 之间的整数。")).toBeVisible();
  await expect(page.getByText("请输入 1–10 之间的整数。")).toBeVisible();
  await expect(page.getByText("请输入 1–100 之间的整数，或留空。")).toBeVisible();
  await expect(page.getByText("输入有误，请检查。")).toHaveCount(0);

  // Mended, the typed input kept: saved as a draft.
  await page.getByLabel("标题", { exact: true }).fill("键盘测验");
  await page.getByLabel("题数", { exact: true }).fill("3");
  await page.getByLabel("可作答次数", { exact: true }).fill("2");
  await page.getByLabel("掌握目标（%）", { exact: true }).fill("");
  await page.getByRole("button", { name: "保存草稿并预览" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "题目预览" })).toBeVisible();

  // The draft's page: Enter asks, focus goes to the confirmation; Escape puts the button back, focused.
  await page.goto(new URL(page.url()).pathname.replace(/\/preview$/, ""));
  const remove = page.getByRole("button", { name: "删除作业" });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "确认删除" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "作业" })).toBeVisible();
  await expect(page.getByText("键盘测验")).toHaveCount(0);
});
