import { expect, test } from "@playwright/test";
import { callAction, draftInput, Form, must, openDb, persona, type Persona } from "./api";
import { freshEmail, signOut, signUp } from "./helpers";

const A = "lib/features/assignments/actions.ts";
const C = "lib/features/classes/actions.ts";

// The report pages and CSV routes are the class teacher's alone. The first test checks the
// recall page, the CSV download and the refusals; the second fills reports through the actions
// (the browser flow of taking an assignment is the assignments spec's) and reads them in English.

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

test("in English, true/false answers read True/False everywhere; numeric responses are listed; a student who never started is not marked as missing the goal", async ({ playwright, browser, baseURL }) => {
  test.setTimeout(120_000);
  const url = baseURL ?? "";
  const [teacher, student, idle] = await Promise.all([
    persona(playwright, url, "teacher", "tf-teacher"),
    persona(playwright, url, "student", "tf-student"),
    persona(playwright, url, "student", "tf-idle"),
  ]);
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: "判断班" })]));
  const db = openDb();
  const joinCode = (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(classId) as { joinCode: string }).joinCode;
  for (const s of [student, idle]) await must(callAction(s.request, `${C}#joinClassAction`, [new Form({ code: joinCode })]));
  // One assignment of true/false questions with a mastery goal, one of numbers; the student
  // answers every question 正确 (the value the true/false radio sends) or 1982, the other never starts.
  // The key after each attempt: the review's labels are under test, with attempts left.
  const publish = async (title: string, forms: string[], masteryGoal: string) => {
    const { id } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, { ...draftInput(title), forms, masteryGoal, questionCount: "3", answerKey: "each" }]));
    await must(callAction(teacher.request, `${A}#publishAssignmentAction`, [{ assignmentId: id }]));
    const { attemptId } = await must<{ attemptId: string }>(callAction(student.request, `${A}#startAttemptAction`, [id]));
    const ids = JSON.parse((db.prepare(`SELECT questionIds FROM "Assignment" WHERE id = ?`).get(id) as { questionIds: string }).questionIds) as string[];
    for (const item of ids.keys()) await must(callAction(student.request, `${A}#saveAnswerAction`, [{ attemptId, item, response: forms[0] === "tf" ? "正确" : "1982" }]));
    await must(callAction(student.request, `${A}#submitAttemptAction`, [attemptId]));
    return `/classes/${classId}/assignments/${id}`;
  };
  const tfPath = await publish("判断", ["tf"], "80");
  const numericPath = await publish("数字", ["numeric"], "");
  db.close();

  // A browser signed in as the persona, with the language switch set to English.
  const english = async (who: Persona) => {
    const context = await browser.newContext({ storageState: await who.request.storageState(), locale: "en" });
    await context.addCookies([{ name: "locale", value: "en", url }]);
    return context;
  };
  const teacherContext = await english(teacher);
  const page = await teacherContext.newPage();

  // The preview's answer key.
  await page.goto(`${tfPath}/preview`);
  await expect(page.getByTestId("preview-questions").locator("p").filter({ hasText: /^Answer: / })).toHaveText(Array(3).fill(/^Answer: (True|False)$/));

  // Handed in: no delete button, and the reason where it was.
  await page.goto(tfPath);
  await expect(page.getByTestId("delete-note")).toHaveText("Students have started it, so it cannot be deleted.");
  await expect(page.getByRole("button", { name: "Delete assignment" })).toHaveCount(0);

  // The report: each option in English, the correct one marked; the student who never started is "—", not "Not met".
  await page.goto(`${tfPath}/report`);
  await expect(page.getByTestId("answers-given").first().locator("li")).toHaveText([/^(✓ )?True( \(correct answer\))?: [01]$/, /^(✓ )?False( \(correct answer\))?: [01]$/, "No answer: 0"]);
  await expect(page.getByText(/^Answer: (True|False)$/)).toHaveCount(3);
  const idleRow = page.getByTestId("report-students").locator("tr").filter({ hasText: "tf-idle" });
  await expect(idleRow).toContainText("— Not handed in");
  await expect(idleRow).not.toContainText("Not met");
  await expect(page.getByTestId("report-summary")).toContainText(/Met the mastery goal \(80%\)\s*[01] \/ 2/);

  // One student's answers.
  await page.goto(`${tfPath}/report/students/${student.id}`);
  const first = page.getByTestId("student-answers").locator(":scope > li").first();
  await expect(first.locator("dd")).toHaveText(["True", /^(True|False)$/]);

  // The CSV downloads.
  const csv = async (kind: string) => (await (await page.request.get(`${tfPath}/report/csv?kind=${kind}`)).body()).toString("utf8");
  expect(await csv("students")).toMatch(/\r\ntf-idle,[^,]+,[^,]+,,Not handed in,/);
  const questionsCsv = await csv("questions");
  expect(questionsCsv).toMatch(/,(True|False),1,[01],/);
  expect(questionsCsv).toMatch(/(True|False) \(correct answer\): [01][;,]/);
  expect(questionsCsv).not.toMatch(/,(正确|错误),|正确（正确答案）|错误（正确答案）/);
  expect(await csv("answers")).toMatch(/,True,(True|False),(Correct|Wrong),/);

  // Numbers: the responses given, with their counts.
  await page.goto(`${numericPath}/report`);
  await expect(page.getByTestId("answers-given")).toHaveCount(3);
  await expect(page.getByTestId("answers-given").first().locator("li").first()).toHaveText(/^(✓ )?1982( \(correct answer\))?: 1$/);
  await teacherContext.close();

  // The student's review of the hand-in.
  const studentContext = await english(student);
  const own = await studentContext.newPage();
  await own.goto(`/assignments/${tfPath.split("/").at(-1)}`);
  // Each question's options marked in place, in English: the pick (True) and the one key.
  const marked = own.getByTestId("marked-answer");
  await expect(marked).toHaveCount(3);
  for (const list of await marked.all()) {
    await expect(list.locator('[data-option="正确"]')).toContainText("True");
    await expect(list.locator('[data-option="正确"]')).toContainText("Your answer");
    await expect(list.locator('[data-option="错误"]')).toContainText("False");
    await expect(list.locator("li").filter({ hasText: "Correct answer" })).toHaveCount(1);
  }
  await expect(own.getByText("Explanation:", { exact: true })).toHaveCount(3);
  await studentContext.close();
});
