import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Question } from "@/lib/core/generate";
import { TRUE } from "@/lib/core/generate/types";
import { csvCell } from "@/lib/core/reports";
import { FIXTURE_ASSIGNMENT, FIXTURE_MASTERY_GOAL, FIXTURE_NOW, reportFixture, type FixtureQuestions } from "@/lib/core/reports/test-fixture";
import { STATE_REVIEW } from "@/lib/core/schedule";
import { reportCsv, recallCsv } from "@/lib/features/reports/csv";
import { getAssignmentReport, getStudentAnswers } from "@/lib/features/reports/data";
import { getClassRecall } from "@/lib/features/reports/recall";
import { getFacetIndex } from "@/lib/features/study/facets";
import { messagesFor, translator } from "@/lib/i18n";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import { AppError } from "@/lib/server/errors";
import { testDb, unique } from "./db";
import { DAY, plus } from "./study-fixtures";

// The report of the hand-computed fixture (lib/core/reports/test-fixture.ts; the arithmetic is
// in lib/core/reports/item-analysis.test.ts), inserted row by row with bank questions, read back
// through the data layer on both databases.

const db = testDb();
afterAll(() => db.$disconnect());

const t = translator(messagesFor("zh-CN"));
const PACK = "yrd";

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function makeUser(role: "student" | "teacher", name: string): Promise<SessionUser> {
  const email = `${unique(role)}@example.com`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: "not-a-hash" } });
  return { id: user.id as UserId, name, email, role };
}

function pick(filter: (q: Question) => boolean): Question {
  const q = getBank().questions.find((x) => x.pack === PACK && filter(x));
  if (!q) throw new Error("no such question in the bank");
  return q;
}

const questions: FixtureQuestions = {
  mc: pick((q) => q.form === "mc" && q.choices?.length === 4),
  tf: pick((q) => q.form === "tf" && q.answer === TRUE),
  typed: pick((q) => q.form === "typed"),
  multi: pick((q) => q.form === "multi" && Array.isArray(q.answer) && (q.choices ?? []).some((c) => !q.answer.includes(c))),
};
const fixture = reportFixture(questions);

let teacher: SessionUser;
let otherTeacher: SessionUser;
let member: SessionUser;
let classId: string;
let otherClassId: string;
let assignmentId: string;
const users = new Map<string, SessionUser>();
const DUE_LATER = plus(FIXTURE_NOW, 10 * DAY);

beforeAll(async () => {
  teacher = await makeUser("teacher", "王老师");
  otherTeacher = await makeUser("teacher", "李老师");
  const klass = await db.class.create({ data: { teacherId: teacher.id, name: "高一(3)班", joinCode: unique("R").slice(-12) } });
  const other = await db.class.create({ data: { teacherId: teacher.id, name: "高一(4)班", joinCode: unique("S").slice(-12) } });
  classId = klass.id;
  otherClassId = other.id;
  const common = { classId, pack: PACK, topics: "[]", forms: "[]", timeZone: "Asia/Shanghai", feedback: "each", publishedAt: FIXTURE_ASSIGNMENT.opensAt };
  const assignment = await db.assignment.create({
    data: {
      ...common,
      title: "第一周测验",
      questionIds: JSON.stringify([questions.mc.id, questions.tf.id, questions.typed.id, questions.multi.id]),
      opensAt: FIXTURE_ASSIGNMENT.opensAt,
      dueAt: FIXTURE_ASSIGNMENT.dueAt,
      attemptsAllowed: FIXTURE_ASSIGNMENT.attemptsAllowed,
      masteryGoal: FIXTURE_MASTERY_GOAL,
    },
  });
  assignmentId = assignment.id;
  // A second assignment due ten days after "now": the recall forecast's second date.
  await db.assignment.create({ data: { ...common, title: "第二周测验", questionIds: "[]", opensAt: FIXTURE_NOW, dueAt: DUE_LATER } });

  for (const s of fixture) {
    const user = await makeUser("student", s.name);
    users.set(s.key, user);
    await db.classMember.create({ data: { classId, userId: user.id } });
    if (s.extension) await db.assignmentExtension.create({ data: { assignmentId, userId: user.id, extraMinutes: s.extension.extraMinutes, dueAt: s.extension.dueAt } });
    for (const a of s.attempts) {
      await db.attempt.create({
        data: {
          assignmentId,
          userId: user.id,
          number: a.number,
          startedAt: a.startedAt,
          deadline: a.deadline,
          submittedAt: a.submittedAt,
          score: a.score,
          answers: {
            create: a.answers.map((x) => ({ questionId: x.questionId, response: JSON.stringify(x.response), correct: x.correct, score: x.score, answeredAt: a.startedAt })),
          },
        },
      });
    }
  }
  // A student of the teacher's other class: not in this report.
  member = await makeUser("student", "外班学生");
  await db.classMember.create({ data: { classId: otherClassId, userId: member.id } });
});

const keyOf = (userId: string) => [...users].find(([, u]) => u.id === userId)?.[0];

describe("assignment report", () => {
  it("matches the hand-computed student figures", async () => {
    const report = await getAssignmentReport(db, teacher, classId, assignmentId, FIXTURE_NOW);
    const rows = report.students
      .map((s) => [keyOf(s.userId), s.status, s.score, s.countedNumber, s.timeTakenMs, s.attemptsUsed, s.mastery])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ["A", "submitted", 1, 2, 750_000, 2, "met"],
      ["B", "in_progress", 0.75, 1, 1_200_000, 2, "met"],
      ["C", "submitted", 0.75, 1, 300_000, 1, "met"],
      ["D", "late", 0.5, 1, 1_800_000, 1, "not_met"],
      ["E", "submitted", 0.5, 1, 1_800_000, 1, "not_met"],
      ["F", "submitted", 0.125, 1, 240_000, 2, "not_met"],
      ["G", "not_started", null, null, null, 0, "not_attempted"],
      ["H", "missing", null, null, null, 0, "not_attempted"],
      ["I", "in_progress", null, null, null, 1, "not_attempted"],
    ]);
    // (1 + 0.75 + 0.75 + 0.5 + 0.5 + 0.125) / 6; A, B and C met 0.75 (G, H, I handed nothing in).
    expect(report.summary).toMatchObject({ students: 9, counted: 6, masteryMetCount: 3 });
    expect(report.summary.meanScore).toBeCloseTo(3.625 / 6, 12);
  });

  it("matches the hand-computed question figures", async () => {
    const report = await getAssignmentReport(db, teacher, classId, assignmentId, FIXTURE_NOW);
    expect(report.questions.map((q) => [q.number, q.id, q.n, q.correct, q.facility, q.discrimination, q.noAnswer])).toEqual([
      [1, questions.mc.id, 6, 3, 0.5, 1, 1],
      [2, questions.tf.id, 6, 4, 4 / 6, 0.25, 0],
      [3, questions.typed.id, 6, 4, 4 / 6, 0.75, 1],
      [4, questions.multi.id, 6, 3, 0.5, 0.5, 0],
    ]);
    // mc: the answer 3 times (A B C), the first wrong choice twice (D, F #1), the others never.
    const wrong = (questions.mc.choices ?? []).filter((c) => c !== questions.mc.answer);
    const counts = Object.fromEntries(report.questions[0]!.options!.map((o) => [o.option, [o.count, o.correct]]));
    expect(counts).toEqual({
      [questions.mc.answer as string]: [3, true],
      [wrong[0]!]: [2, false],
      [wrong[1]!]: [0, false],
      [wrong[2]!]: [0, false],
    });
    expect(report.questions[1]!.options).toEqual([
      { option: "正确", correct: true, count: 4 },
      { option: "错误", correct: false, count: 2 },
    ]);
    expect(report.questions[2]!.options).toBeNull();
    // typed: the responses, as the grader groups them: the answer 4 times (A B C D), 黄河 once (F).
    expect(report.questions[2]!.responses).toEqual([
      { option: questions.typed.answer, correct: true, count: 4 },
      { option: "黄河", correct: false, count: 1 },
    ]);
    expect(report.questions[3]!.responses).toBeNull();
  });

  it("shows one student's answers: the counted attempt, or the one asked for", async () => {
    const a = await getStudentAnswers(db, teacher, classId, assignmentId, users.get("A")!.id, null, FIXTURE_NOW);
    expect(a.shown).toBe(2);
    expect(a.attempts.map((x) => [x.number, x.score, x.counted])).toEqual([
      [1, 0.5, false],
      [2, 1, true],
    ]);
    expect(a.answers.map((x) => x.outcome)).toEqual(["correct", "correct", "correct", "correct"]);

    const first = await getStudentAnswers(db, teacher, classId, assignmentId, users.get("A")!.id, 1, FIXTURE_NOW);
    expect(first.answers.map((x) => x.outcome)).toEqual(["correct", "wrong", "correct", "wrong"]);
    expect(first.answers[1]).toMatchObject({ response: "错误", expected: "正确" });

    const e = await getStudentAnswers(db, teacher, classId, assignmentId, users.get("E")!.id, null, FIXTURE_NOW);
    // No row for the mc question and a blank typed answer: both "no answer".
    expect(e.answers.map((x) => [x.outcome, x.response])).toEqual([
      ["none", null],
      ["correct", "正确"],
      ["none", null],
      ["correct", (questions.multi.answer as string[]).join("、")],
    ]);
    const f = await getStudentAnswers(db, teacher, classId, assignmentId, users.get("F")!.id, null, FIXTURE_NOW);
    expect(f.answers.at(-1)).toMatchObject({ outcome: "partial", score: 0.5 });

    const g = await getStudentAnswers(db, teacher, classId, assignmentId, users.get("G")!.id, null, FIXTURE_NOW);
    expect(g).toMatchObject({ shown: null, attempts: [], answers: [] });
  });

  it("refuses a student outside the class and an attempt that does not exist", async () => {
    await expectAppError(getStudentAnswers(db, teacher, classId, assignmentId, member.id, null, FIXTURE_NOW), "NOT_FOUND");
    await expectAppError(getStudentAnswers(db, teacher, classId, assignmentId, users.get("A")!.id, 3, FIXTURE_NOW), "NOT_FOUND");
  });
});

describe("csv", () => {
  const lines = (body: string) => body.slice(1).split("\r\n").slice(0, -1);

  it("exports the student table", async () => {
    const file = await reportCsv(db, teacher, classId, assignmentId, { kind: "students" }, FIXTURE_NOW, t);
    expect(file.body.startsWith("\uFEFF学生,邮箱,状态,得分（%）,掌握目标,用时（秒）,作答次数,计入的作答,交卷时间\r\n")).toBe(true);
    expect(file.filename).toBe("第一周测验 - 学生表.csv");
    expect(file.fallback).toBe("report-students.csv");
    const rows = lines(file.body);
    expect(rows).toHaveLength(10);
    // A name with a comma and quotes is quoted; one starting with "=" is defused. Times are in Shanghai.
    expect(rows).toContain(`"Bob, ""the builder""",${users.get("B")!.email},作答中,75,达标,1200,2,1,2026-03-09 17:20`);
    expect(rows).toContain(`'=丁一,${users.get("D")!.email},迟交,50,未达标,1800,1,1,2026-03-10 21:00`);
    // Nothing handed in: not judged against the goal.
    expect(rows).toContain(`何禾,${users.get("H")!.email},缺交,,未交卷,,0,,`);
  });

  it("exports the question table", async () => {
    const file = await reportCsv(db, teacher, classId, assignmentId, { kind: "questions" }, FIXTURE_NOW, t);
    const rows = lines(file.body);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toBe(`2,判断,${csvCell(questions.tf.prompt)},正确,6,4,66.7,0.25,正确（正确答案）：4; 错误：2,0,0`);
    expect(rows[3]).toBe(`3,填空,${csvCell(questions.typed.prompt)},${csvCell(questions.typed.answer as string)},6,4,66.7,0.75,${csvCell(`${questions.typed.answer as string}（正确答案）：4; 黄河：1`)},1,0`);
  });

  it("writes true/false answers and the mastery in the language of the export", async () => {
    const en = translator(messagesFor("en"));
    const students = lines((await reportCsv(db, teacher, classId, assignmentId, { kind: "students" }, FIXTURE_NOW, en)).body);
    expect(students).toContain(`何禾,${users.get("H")!.email},Missing,,Not handed in,,0,,`);
    const questionRows = lines((await reportCsv(db, teacher, classId, assignmentId, { kind: "questions" }, FIXTURE_NOW, en)).body);
    expect(questionRows[2]).toBe(`2,True / false,${csvCell(questions.tf.prompt)},True,6,4,66.7,0.25,True (correct answer): 4; False: 2,0,0`);
    const answers = lines((await reportCsv(db, teacher, classId, assignmentId, { kind: "answers", student: users.get("A")!.id, attempt: 1 }, FIXTURE_NOW, en)).body);
    expect(answers[2]).toContain(",False,True,Wrong,0");
  });

  it("exports every counted answer, or one student's", async () => {
    const all = await reportCsv(db, teacher, classId, assignmentId, { kind: "answers" }, FIXTURE_NOW, t);
    // 6 counted attempts × 4 questions, plus the header.
    expect(lines(all.body)).toHaveLength(25);
    const one = await reportCsv(db, teacher, classId, assignmentId, { kind: "answers", student: users.get("A")!.id, attempt: 1 }, FIXTURE_NOW, t);
    const rows = lines(one.body);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain(",1,2,");
    expect(rows[2]).toContain(",错误,正确,错误,0");
    expect(one.filename).toBe("第一周测验 - 安娜 - 作答明细.csv");
  });
});

describe("recall", () => {
  it("predicts each student's recall per topic now and at the next due date", async () => {
    const index = getFacetIndex();
    const facet = index.facets.find((f) => f.pack === PACK)!;
    const counts = index.countByTopic(PACK);
    const n = counts[facet.topic]!;
    const all = Object.values(counts).reduce((a, b) => a + b, 0);
    // Reviewed at "now" with a stability of 10 days: recall 1 now and 0.9 ten days later (FSRS
    // defines stability as the time for recall to fall to 90%).
    await db.card.create({
      data: {
        userId: users.get("A")!.id,
        pack: PACK,
        factId: facet.factId,
        facet: facet.facet,
        topic: facet.topic,
        due: DUE_LATER,
        stability: 10,
        difficulty: 5,
        scheduledDays: 10,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: STATE_REVIEW,
        lastReview: FIXTURE_NOW,
      },
    });
    const recall = await getClassRecall(db, teacher, classId, FIXTURE_NOW);
    expect(recall.dates.map((d) => [d.at, d.due.map((a) => a.title)])).toEqual([
      [FIXTURE_NOW, []],
      [DUE_LATER, ["第二周测验"]],
    ]);
    expect(recall.topics.map((x) => x.topic)).toEqual(Object.keys(counts));
    const column = recall.topics.findIndex((x) => x.topic === facet.topic);
    const [now, later] = recall.tables;
    const rowOf = (table: typeof now, key: string) => table!.rows.find((r) => r.student.userId === users.get(key)!.id)!;
    // A: one facet of n at 1 (now) and 0.9 (later); every other facet and student: 0.
    expect(rowOf(now, "A").shares[column]).toBeCloseTo(1 / n, 9);
    expect(rowOf(later, "A").shares[column]).toBeCloseTo(0.9 / n, 9);
    expect(rowOf(now, "A").overall).toBeCloseTo(1 / all, 9);
    expect(rowOf(now, "B").shares.every((s) => s === 0)).toBe(true);
    // Class mean over 9 students.
    expect(now!.mean[column]).toBeCloseTo(1 / n / 9, 9);
    expect(later!.meanOverall).toBeCloseTo(0.9 / all / 9, 9);

    const file = await recallCsv(db, teacher, classId, FIXTURE_NOW, t, "zh-CN");
    // (topics + "all topics") per student and for the class mean, for each of the two dates.
    expect(file.body.slice(1).split("\r\n").slice(0, -1)).toHaveLength(1 + 2 * 10 * (recall.topics.length + 1));
    expect(file.fallback).toBe("recall.csv");
  });
});

describe("authorization", () => {
  /** Every report read and export, as thunks: each is started only when it is awaited. */
  const reads = (user: SessionUser, cls = classId): (() => Promise<unknown>)[] => [
    () => getAssignmentReport(db, user, cls, assignmentId, FIXTURE_NOW),
    () => getStudentAnswers(db, user, cls, assignmentId, users.get("A")!.id, null, FIXTURE_NOW),
    () => reportCsv(db, user, cls, assignmentId, { kind: "students" }, FIXTURE_NOW, t),
    () => reportCsv(db, user, cls, assignmentId, { kind: "questions" }, FIXTURE_NOW, t),
    () => reportCsv(db, user, cls, assignmentId, { kind: "answers" }, FIXTURE_NOW, t),
    () => reportCsv(db, user, cls, assignmentId, { kind: "answers", student: users.get("A")!.id }, FIXTURE_NOW, t),
  ];

  it("gives another teacher NOT_FOUND", async () => {
    for (const read of reads(otherTeacher)) await expectAppError(read(), "NOT_FOUND");
    await expectAppError(getClassRecall(db, otherTeacher, classId, FIXTURE_NOW), "NOT_FOUND");
    await expectAppError(recallCsv(db, otherTeacher, classId, FIXTURE_NOW, t, "zh-CN"), "NOT_FOUND");
  });

  it("gives a student FORBIDDEN, even one of the class", async () => {
    for (const read of reads(users.get("A")!)) await expectAppError(read(), "FORBIDDEN");
    await expectAppError(getClassRecall(db, users.get("A")!, classId, FIXTURE_NOW), "FORBIDDEN");
    await expectAppError(recallCsv(db, users.get("A")!, classId, FIXTURE_NOW, t, "zh-CN"), "FORBIDDEN");
  });

  it("does not show an assignment under another class of the same teacher", async () => {
    for (const read of reads(teacher, otherClassId)) await expectAppError(read(), "NOT_FOUND");
  });
});
