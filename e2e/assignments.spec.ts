import { devices, expect, test } from "@playwright/test";
import { callAction, draftInput, Form, must, openDb, persona } from "./api";
import { answerShownQuestion, freshEmail, signUp } from "./helpers";

test("a teacher publishes an assignment; a student takes it on a phone, reloads mid-way and sees the score", async ({ page: student, browser }) => {
  // Two teachers, three students and a whole assignment: longer than one page's default.
  test.setTimeout(120_000);

  const desktop = await browser.newContext({ ...devices["Desktop Chrome"], locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const teacher = await desktop.newPage();
  await signUp(teacher, { email: freshEmail("teacher"), name: "赵老师", password: "teach-pass-1", role: "teacher" });
  await teacher.goto("/classes/new");
  await teacher.getByLabel("班级名称").fill("高二（5）班");
  await teacher.getByRole("button", { name: "创建班级" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "高二（5）班" })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  const classPath = new URL(teacher.url()).pathname;

  await signUp(student, { email: freshEmail("pupil"), name: "孙同学", password: "learn-pass-1" });
  await student.goto("/join");
  await student.getByLabel("加入码").fill(code);
  await student.getByRole("button", { name: "加入", exact: true }).click();
  await expect(student.getByRole("heading", { level: 1, name: "高二（5）班" })).toBeVisible();

  // The teacher: a draft of four choice questions, opening now (the form's default) in the browser's zone.
  await teacher.goto(`${classPath}/assignments`);
  await teacher.getByRole("link", { name: "新建作业" }).click();
  await teacher.getByLabel("标题", { exact: true }).fill("第一单元测验");
  for (const form of ["填空", "数字", "排序", "多选", "配对"]) {
    const box = teacher.getByRole("checkbox", { name: form, exact: true });
    if ((await box.count()) > 0) await box.uncheck();
  }
  await teacher.getByLabel("题数", { exact: true }).fill("4");
  await expect(teacher.getByLabel("时区", { exact: true })).toHaveValue("Asia/Shanghai");
  await teacher.getByRole("button", { name: "保存草稿并预览" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "题目预览" })).toBeVisible();
  await expect(teacher.getByTestId("preview-questions").locator(":scope > li")).toHaveCount(4);
  await teacher.getByRole("button", { name: "发布" }).first().click();
  await expect(teacher.getByTestId("assignment-state")).toHaveText("开放中");

  // The student finds it on the home page, starts it and answers two questions.
  await student.goto("/");
  const card = student.getByTestId("student-assignment").filter({ hasText: "第一单元测验" });
  await expect(card.getByTestId("status")).toHaveText(/未开始/);
  await card.click();
  await student.getByRole("button", { name: "开始作答" }).click();
  for (let n = 1; n <= 2; n++) {
    await expect(student.getByText(`第 ${n} / 4 题`)).toBeVisible();
    await answerShownQuestion(student);
    await expect(student.getByTestId("feedback")).toBeVisible();
    await student.getByRole("button", { name: "下一题" }).click();
  }

  // A reload mid-way: the saved answers come back from the server and it resumes at question 3.
  await student.reload();
  await expect(student.getByTestId("answered-count")).toHaveText("已答 2 / 4 题");
  await expect(student.getByText("第 3 / 4 题")).toBeVisible();
  await expect(student.getByRole("button", { name: "第 1 题，已答" })).toBeVisible();
  for (let n = 3; n <= 4; n++) {
    await answerShownQuestion(student);
    await expect(student.getByTestId("feedback")).toBeVisible();
    await student.getByRole("button", { name: "下一题" }).click();
  }
  await expect(student.getByRole("heading", { name: "交卷" })).toBeVisible();
  await student.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(student.getByTestId("score")).toHaveText(/^得分 \d+%$/);
  await expect(student.getByTestId("status").first()).toHaveText(/已提交/);
  await expect(student.getByTestId("hand-ins")).toContainText("第 1 次");
  const studentAssignmentPath = new URL(student.url()).pathname;
  // Handed in, it is no longer on the home page's list of what is to do.
  await student.goto("/");
  await expect(student.getByTestId("home-counts")).toBeVisible();
  await expect(student.getByTestId("student-assignment")).toHaveCount(0);

  // The teacher's list counts the hand-in, and the report shows the student's score.
  await teacher.goto(`${classPath}/assignments`);
  await expect(teacher.getByTestId("status-counts")).toContainText("已提交 1");
  await teacher.getByRole("link", { name: "第一单元测验" }).first().click();
  await teacher.waitForURL(/\/assignments\/[^/]+$/);
  const assignmentPath = new URL(teacher.url()).pathname;
  const reportPath = `${assignmentPath}/report`;
  await teacher.goto(reportPath);
  await expect(teacher.getByText("孙同学").first()).toBeVisible();
  await expect(teacher.getByText(/\d+%/).first()).toBeVisible();

  // The CSV opens in Excel with Chinese intact: UTF-8 with a BOM.
  const csv = await teacher.request.get(`${reportPath}/csv?kind=students`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("孙同学");
  const questionsCsv = await teacher.request.get(`${reportPath}/csv?kind=questions`);
  expect(questionsCsv.status()).toBe(200);

  // Another teacher and another student are refused the class, the assignment, the report and the CSV.
  for (const [role, name] of [["teacher", "钱老师"], ["student", "李同学"]] as const) {
    const context = await browser.newContext({ ...devices["Desktop Chrome"], locale: "zh-CN" });
    const other = await context.newPage();
    await signUp(other, { email: freshEmail(`other-${role}`), name, password: "other-pass-1", role });
    for (const path of [classPath, `${classPath}/assignments`, assignmentPath, reportPath, studentAssignmentPath]) {
      const response = await other.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(404);
    }
    const refused = await other.request.get(`${reportPath}/csv?kind=students`);
    expect([403, 404]).toContain(refused.status());
    await context.close();
  }
  await desktop.close();
});

test("a student's attempt never carries a bank question id, and the review keeps the key while attempts remain", async ({ page: student, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const A = "lib/features/assignments/actions.ts";
  const C = "lib/features/classes/actions.ts";
  const teacher = await persona(playwright, baseURL ?? "", "teacher", "key-teacher");
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "答案班" })]));
  const db = openDb();
  const code = (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(classId) as { joinCode: string }).joinCode;
  await signUp(student, { email: freshEmail("key-pupil"), name: "周同学", password: "learn-pass-1" });
  await must(callAction(student.request, `${C}#joinClassAction`, [new Form({ code })]));
  // Results only at the end, two attempts, the default answer-key rule (once no attempts remain).
  const input = { ...draftInput("答案测验"), forms: ["tf"], questionCount: "3", feedback: "end", attemptsAllowed: "2" };
  const { id } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, input]));
  await must(callAction(teacher.request, `${A}#publishAssignmentAction`, [{ assignmentId: id }]));
  const bankIds = JSON.parse((db.prepare(`SELECT questionIds FROM "Assignment" WHERE id = ?`).get(id) as { questionIds: string }).questionIds) as string[];
  db.close();
  expect(bankIds).toHaveLength(3);
  const expectNoBankId = (text: string, where: string) => {
    for (const bankId of bankIds) expect(text, `${where} names ${bankId}`).not.toContain(bankId);
  };

  // Everything the browser receives while taking it: the page (HTML with its RSC payload) and each action's answer.
  const replies: Promise<string>[] = [];
  student.on("response", (response) => {
    if (response.request().method() === "POST") replies.push(response.text().catch(() => ""));
  });
  const path = `/assignments/${id}`;
  await student.goto(path);
  await student.getByRole("button", { name: "开始作答" }).click();
  await expect(student.getByTestId("prompt")).toBeVisible();
  expectNoBankId(await (await student.request.get(path)).text(), "the attempt page");
  expectNoBankId(await student.content(), "the rendered attempt");
  for (let n = 1; n <= 3; n++) {
    await expect(student.getByText(`第 ${n} / 3 题`)).toBeVisible();
    await student.locator("form").getByRole("radio").first().check();
    await student.getByRole("button", { name: "保存并下一题" }).click();
  }
  await expect(student.getByRole("heading", { name: "交卷" })).toBeVisible();
  await student.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(student.getByTestId("score")).toBeVisible();
  expect(replies.length).toBeGreaterThanOrEqual(4); // start, three saves, the hand-in
  for (const reply of await Promise.all(replies)) expectNoBankId(reply, "an action's answer");

  // One attempt left: right or wrong per question, no expected answer, no explanation.
  await expect(student.getByTestId("key-withheld")).toBeVisible();
  const verdicts = student.getByTestId("feedback");
  await expect(verdicts).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(verdicts.nth(i)).toContainText(/回答正确|回答错误/);
    await expect(verdicts.nth(i)).not.toContainText(/正确答案|解析|出处/);
  }
  // Each question's list marks the pick right or wrong as its verdict says, and no right option.
  const marked = student.getByTestId("marked-answer");
  await expect(marked).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const right = (await verdicts.nth(i).innerText()).includes("回答正确");
    await expect(marked.nth(i).getByRole("listitem").filter({ hasText: "你的选择" })).toContainText(right ? "✓ 你的选择" : "✗ 你的选择");
    await expect(marked.nth(i)).not.toContainText("正确答案");
  }
  const withheldPage = await (await student.request.get(path)).text();
  expectNoBankId(withheldPage, "the review page");
  // Nor does the page's data carry the structured key.
  expect(withheldPage).not.toMatch(/\\?"key\\?":/);

  // The last attempt, handed in blank: now the key is shown.
  await student.getByRole("button", { name: "开始第 2 次作答" }).click();
  await expect(student.getByTestId("prompt")).toBeVisible();
  await student.getByRole("button", { name: "检查并交卷" }).click();
  await student.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(student.getByTestId("hand-ins")).toContainText("第 2 次");
  await expect(student.getByTestId("key-withheld")).toHaveCount(0);
  await expect(student.getByTestId("feedback").first()).toContainText("解析");
  // Handed in blank: each list marks its right option and no pick.
  for (let i = 0; i < 3; i++) {
    await expect(marked.nth(i).getByRole("listitem").filter({ hasText: "✓ 正确答案" })).toHaveCount(1);
    await expect(marked.nth(i)).not.toContainText("你的选择");
  }
  expect(await (await student.request.get(path)).text()).toMatch(/\\?"key\\?":/);
});
