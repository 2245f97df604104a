import { devices, expect, test } from "@playwright/test";
import { callAction, draftInput, Form, must, openDb } from "./api";
import { freshEmail, signUp } from "./helpers";

const A = "lib/features/assignments/actions.ts";
const C = "lib/features/classes/actions.ts";

test("a teacher previews the rules, swaps and drops questions, publishes a redraw assignment; the second attempt asks other prompts", async ({ page: student, browser }) => {
  test.setTimeout(180_000);
  const desktop = await browser.newContext({ ...devices["Desktop Chrome"], locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const teacher = await desktop.newPage();
  await signUp(teacher, { email: freshEmail("redraw-teacher"), name: "吴老师", password: "teach-pass-1", role: "teacher" });
  await teacher.goto("/classes/new");
  await teacher.getByLabel("班级名称").fill("重做班");
  await teacher.getByRole("button", { name: "创建班级" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "重做班" })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  const classPath = new URL(teacher.url()).pathname;

  await signUp(student, { email: freshEmail("redraw-pupil"), name: "郑同学", password: "learn-pass-1" });
  await student.goto("/join");
  await student.getByLabel("加入码").fill(code);
  await student.getByRole("button", { name: "加入", exact: true }).click();
  await expect(student.getByRole("heading", { level: 1, name: "重做班" })).toBeVisible();

  // Every form, four questions, two attempts, results at the end, later attempts redrawn.
  await teacher.goto(`${classPath}/assignments/new`);
  // Filled once hydrated (the submit button is enabled then): an earlier fill can be reset.
  await expect(teacher.getByRole("button", { name: "保存草稿并预览" })).toBeEnabled();
  await teacher.getByLabel("标题", { exact: true }).fill("换题测验");
  await teacher.getByLabel("题数", { exact: true }).fill("4");
  await teacher.getByLabel("可作答次数").fill("2");
  await teacher.getByRole("radio", { name: "全部提交后才显示结果" }).check();
  await teacher.getByRole("radio", { name: "换一组题：同样的知识点，换题型或问法" }).check();
  await teacher.getByRole("button", { name: "保存草稿并预览" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "题目预览" })).toBeVisible();

  // The rules before publishing.
  const rules = teacher.getByRole("region", { name: "作业规则" });
  await expect(rules).toContainText("可作答次数2");
  await expect(rules).toContainText("不限时");
  await expect(rules).toContainText("换一组题：同样的知识点，换题型或问法");

  // Swap the first question for another way of asking it, then drop the last one.
  const items = teacher.getByTestId("preview-questions").locator(":scope > li");
  await expect(items).toHaveCount(4);
  // The whole item, not its prompt: a typed and a numeric question of one fact can share a prompt.
  const firstItem = await items.first().textContent();
  await teacher.getByRole("group", { name: "调整第 1 题" }).getByRole("button", { name: "换一种问法" }).click();
  await expect(items.first()).not.toHaveText(firstItem ?? "");
  await teacher.getByRole("group", { name: "调整第 4 题" }).getByRole("button", { name: "删去此题" }).click();
  await expect(items).toHaveCount(3);
  await teacher.getByRole("button", { name: "发布" }).first().click();
  await expect(teacher.getByTestId("assignment-state")).toHaveText("开放中");
  const assignmentId = new URL(teacher.url()).pathname.split("/").pop() ?? "";

  // The student hands in two blank attempts; each review lists that attempt's own prompts.
  const promptsOfAttempt = async (n: number) => {
    await student.goto(`/assignments/${assignmentId}`);
    await student.getByRole("button", { name: n === 1 ? "开始作答" : `开始第 ${n} 次作答` }).click();
    await expect(student.getByTestId("prompt")).toBeVisible();
    await student.getByRole("button", { name: "检查并交卷" }).click();
    await student.getByRole("button", { name: "交卷", exact: true }).click();
    await expect(student.getByTestId("hand-ins")).toContainText(`第 ${n} 次`);
    const prompts = student.getByTestId("review-prompt");
    await expect(prompts).toHaveCount(3);
    return prompts.allTextContents();
  };
  const first = await promptsOfAttempt(1);
  const second = await promptsOfAttempt(2);
  // Every facet has at least two forms and every form is allowed: each item is asked another way,
  // in other words unless its facet has only one wording (a typed and a numeric question can share it).
  expect(second.filter((prompt, i) => prompt !== first[i]).length).toBeGreaterThanOrEqual(2);
  await desktop.close();
});

test("a student flags a typed answer; the teacher accepts it for the class and the score rises", async ({ page: student, browser }) => {
  test.setTimeout(120_000);
  const desktop = await browser.newContext({ ...devices["Desktop Chrome"], locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const teacherPage = await desktop.newPage();
  await signUp(teacherPage, { email: freshEmail("accept-teacher"), name: "陈老师", password: "teach-pass-1", role: "teacher" });
  const teacher = { request: teacherPage.request };
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "复核班" })]));
  const db = openDb();
  const code = (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(classId) as { joinCode: string }).joinCode;
  db.close();
  await signUp(student, { email: freshEmail("accept-pupil"), name: "冯同学", password: "learn-pass-1" });
  await must(callAction(student.request, `${C}#joinClassAction`, [new Form({ code })]));
  const input = { ...draftInput("复核测验"), forms: ["typed"], questionCount: "1", feedback: "end", attemptsAllowed: "1" };
  const { id } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, input]));
  await must(callAction(teacher.request, `${A}#publishAssignmentAction`, [{ assignmentId: id }]));

  // An answer the key does not list.
  await student.goto(`/assignments/${id}`);
  await student.getByRole("button", { name: "开始作答" }).click();
  await student.locator("form").getByRole("textbox").fill("另一种说法");
  await student.getByRole("button", { name: "保存并下一题" }).click();
  await student.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(student.getByTestId("score")).toHaveText("得分 0%");
  await student.getByRole("button", { name: "我认为我答对了" }).click();
  await expect(student.getByTestId("flag-state")).toHaveText("已请老师复核这个答案。");

  // The teacher sees it among the question's answers to check, and accepts it for everyone.
  await teacherPage.goto(`/classes/${classId}/assignments/${id}/report`);
  const flagged = teacherPage.getByTestId("flagged-answers");
  await expect(flagged).toContainText("冯同学：另一种说法");
  await flagged.getByRole("button", { name: "为全班接受这个答案" }).click();
  await expect(flagged).toHaveCount(0);
  await expect(teacherPage.getByTestId("report-questions")).toContainText("100%");

  await student.reload();
  await expect(student.getByTestId("score")).toHaveText("得分 100%");
  await expect(student.getByTestId("flag-state")).toHaveText("老师已认可这个答案。");
  await desktop.close();
});
