import { expect, test } from "@playwright/test";
import { freshEmail, signOut, signUp } from "./helpers";

// The report pages and CSV routes are the class teacher's alone. Filling a report needs the
// assignments flow (covered by its own spec); this one checks the recall page, the CSV download
// and the refusals, which do not.

test("a teacher sees the class recall page and its CSV; others are refused", async ({ page }) => {
  await signUp(page, { email: freshEmail("teacher"), name: "周老师", password: "teach-pass-1", role: "teacher" });
  await page.goto("/classes/new");
  await page.getByLabel("班级名称").fill("初二（1）班");
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "初二（1）班" })).toBeVisible();
  const classPath = new URL(page.url()).pathname;

  await page.goto(`${classPath}/recall`);
  await expect(page.getByRole("heading", { level: 1, name: "初二（1）班 · 记忆预测" })).toBeVisible();
  await expect(page.getByText("这个班还没有发布作业")).toBeVisible();

  const csv = await page.request.get(`${classPath}/recall/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="recall\.csv"; filename\*=UTF-8''/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("学生,邮箱,时间,题库,主题,预测记忆（%）\r\n");

  // An assignment that does not exist (or is another teacher's) is a 404 page and a 404 answer.
  await page.goto(`${classPath}/assignments/nope/report`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.request.get(`${classPath}/assignments/nope/report/csv?kind=students`)).status()).toBe(404);
  expect((await page.request.get(`${classPath}/assignments/nope/report/csv?kind=bogus`)).status()).toBe(400);

  await signOut(page);
  expect((await page.request.get(`${classPath}/recall/csv`)).status()).toBe(401);

  await signUp(page, { email: freshEmail("teacher"), name: "吴老师", password: "teach-pass-1", role: "teacher" });
  await page.goto(`${classPath}/recall`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.request.get(`${classPath}/recall/csv`)).status()).toBe(404);
  await signOut(page);

  await signUp(page, { email: freshEmail("pupil"), name: "郑同学", password: "learn-pass-1" });
  await page.goto(`${classPath}/recall`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.request.get(`${classPath}/recall/csv`)).status()).toBe(403);
});
