import { devices, expect, test } from "@playwright/test";
import { freshEmail, signIn, signUp } from "./helpers";

test("a teacher makes a class, a student joins with its code, the teacher removes them", async ({ page, browser }) => {
  await signUp(page, { email: freshEmail("teacher"), name: "李老师", password: "teach-pass-1", role: "teacher" });
  await page.goto("/classes");
  await page.getByRole("link", { name: "新建班级" }).click();
  await page.getByLabel("班级名称").fill("高一（3）班");
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "高一（3）班" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  await expect(page.getByTestId("join-link")).toHaveText(new RegExp(`/join/${code}$`));
  await expect(page.getByRole("img", { name: "加入链接的二维码" }).locator("svg")).toBeVisible();
  const classUrl = page.url();

  // The student, on a phone, types the code in lower case.
  const phone = await browser.newContext({ ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const student = await phone.newPage();
  await signUp(student, { email: freshEmail("pupil"), name: "王同学", password: "learn-pass-1" });
  await student.goto("/join");
  await student.getByLabel("加入码").fill(code.toLowerCase());
  await student.getByRole("button", { name: "加入", exact: true }).click();
  await expect(student.getByRole("heading", { level: 1, name: "高一（3）班" })).toBeVisible();
  await expect(student.getByText("老师：李老师")).toBeVisible();
  // The link again: already a member, nothing to do twice.
  await student.goto(`/join/${code}`);
  await expect(student.getByTestId("join-class-name")).toHaveText("高一（3）班");
  await expect(student.getByText("你已经在这个班级里了。")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: "学生（1）" })).toBeVisible();
  await expect(page.getByTestId("roster")).toContainText("王同学");
  await page.getByRole("button", { name: "移除 王同学" }).click();
  await page.getByRole("button", { name: "确认移除" }).click();
  await expect(page.getByText("还没有学生加入。")).toBeVisible();

  await student.goto(classUrl);
  await expect(student.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await phone.close();
});

test("a teacher's home lists the open assignments with where the students stand, then the classes", async ({ page }) => {
  await signIn(page, "teacher@demo.local", "demo-teacher");
  const open = page.getByTestId("open-assignments");
  await expect(open.getByRole("heading", { name: "示范班" })).toBeVisible();
  const quiz = open.getByRole("link", { name: /小测：长三角一体化/ });
  await expect(quiz).toBeVisible();
  await expect(quiz.getByTestId("status-counts")).toContainText(/1/);
  await quiz.click();
  await expect(page.getByRole("heading", { level: 1, name: "小测：长三角一体化" })).toBeVisible();
});
