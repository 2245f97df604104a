import { afterAll, describe, expect, it } from "vitest";
import type { Question, QuestionForm } from "@/lib/core/generate";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { newCard } from "@/lib/core/schedule";
import { getAssignmentResults, getPreview, getTakeView, listClassAssignments, listStudentAssignments } from "@/lib/features/assignments/data";
import {
  createAssignment,
  deleteAssignment,
  publishAssignment,
  saveAnswer,
  setExtension,
  startAttempt,
  submitAttempt,
  updateAssignment,
} from "@/lib/features/assignments/mutations";
import type { AssignmentView } from "@/lib/features/assignments/schema";
import { topicOf } from "@/lib/features/decks/data";
import { answerText } from "@/lib/features/practice/data";
import { getOfflineBundle, getStudyQueue } from "@/lib/features/study/data";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import { AppError } from "@/lib/server/errors";
import { testDb, unique } from "./db";
import { at, DAY, HOUR, MINUTE, plus, rightAnswer, wrongAnswer } from "./study-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

// Opens Monday 2026-03-02 08:00 and is due Friday 2026-03-06 23:59, Shanghai time (UTC+8).
const OPENS = at("2026-03-02T00:00:00Z");
const DUE = at("2026-03-06T15:59:00Z");
const BEFORE_OPEN = plus(OPENS, -HOUR);
const TUESDAY = at("2026-03-03T02:00:00Z");

async function expectAppError(promise: Promise<unknown>, code: string, fields?: Record<string, string>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fields) expect((error as AppError).fields).toMatchObject(fields);
}

async function makeUser(role: "student" | "teacher", name: string): Promise<SessionUser> {
  const email = `${unique(role)}@example.com`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: "not-a-hash" } });
  return { id: user.id as UserId, name, email, role };
}

/** A teacher, a class of `size` students (made directly: the classes feature is not under test). */
async function makeClass(size = 2) {
  const teacher = await makeUser("teacher", "王老师");
  const klass = await db.class.create({ data: { teacherId: teacher.id, name: "高一(3)班", joinCode: unique("J").slice(-12) } });
  const students: SessionUser[] = [];
  for (let i = 0; i < size; i++) {
    const s = await makeUser("student", `学生${i + 1}`);
    await db.classMember.create({ data: { classId: klass.id, userId: s.id } });
    students.push(s);
  }
  return { teacher, classId: klass.id, students };
}

/** The assignment form as the browser sends it (text fields). */
function form(overrides: Record<string, unknown> = {}) {
  return {
    title: "第一周测验",
    pack: "yrd",
    topics: [] as string[],
    forms: ["mc", "tf"] as QuestionForm[],
    questionMode: "count",
    questionCount: "5",
    opensAt: "2026-03-02T08:00",
    dueAt: "2026-03-06T23:59",
    timeZone: "Asia/Shanghai",
    attemptsAllowed: "2",
    timeLimitMinutes: "",
    masteryGoal: "80",
    feedback: "each",
    ...overrides,
  };
}

async function published(teacher: SessionUser, classId: string, overrides: Record<string, unknown> = {}) {
  const draft = await createAssignment(db, teacher, classId, form(overrides));
  return publishAssignment(db, teacher, draft.id, undefined, BEFORE_OPEN);
}

const questionOf = (id: string): Question => {
  const q = getBank().byId.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

/** The questions an attempt asks, in its order (later attempts shuffle the assignment's by default). */
async function attemptQuestionIds(attemptId: string, a: AssignmentView): Promise<string[]> {
  const own = JSON.parse((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).questionIds) as string[];
  return own.length > 0 ? own : a.questionIds;
}

/** Answers question `index` (its item number in the attempt) of the assignment, right or wrong. */
async function answer(student: SessionUser, attemptId: string, a: AssignmentView, index: number, right: boolean, now: Date, response?: AnswerResponse) {
  const q = questionOf((await attemptQuestionIds(attemptId, a))[index] ?? "");
  return saveAnswer(db, student.id, { attemptId, item: index, response: response ?? (right ? rightAnswer(q) : wrongAnswer(q)) }, now);
}

describe(`assignments on ${db.$engine}`, () => {
  it("saves a draft with times read in the teacher's zone, hidden from students", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const draft = await createAssignment(db, teacher, classId, form({ timeLimitMinutes: "15", topics: ["发展历史"] }));
    expect(draft).toMatchObject({
      title: "第一周测验",
      opensAt: OPENS,
      dueAt: DUE,
      timeZone: "Asia/Shanghai",
      attemptsAllowed: 2,
      timeLimitMinutes: 15,
      masteryGoal: 0.8,
      feedback: "each",
      topics: ["发展历史"],
      forms: ["mc", "tf"],
      questionCount: 5,
      questionIds: [],
      publishedAt: null,
    });
    const ny = await createAssignment(db, teacher, classId, form({ timeZone: "America/New_York", opensAt: "2026-03-08T02:30", dueAt: "2026-03-09T09:00" }));
    expect(ny.opensAt).toEqual(at("2026-03-08T07:30:00Z")); // 02:30 does not exist that night: 03:30 EDT
    expect(ny.dueAt).toEqual(at("2026-03-09T13:00:00Z"));

    const student = students[0]!;
    expect(await listStudentAssignments(db, student.id, TUESDAY)).toEqual([]);
    await expectAppError(getTakeView(db, student.id, draft.id, TUESDAY), "NOT_FOUND");
    await expectAppError(startAttempt(db, student.id, draft.id, TUESDAY), "NOT_FOUND");
  });

  it("refuses bad settings with a field and a message key", async () => {
    const { teacher, classId } = await makeClass(0);
    await expectAppError(createAssignment(db, teacher, classId, form({ dueAt: "2026-03-02T07:00" })), "INVALID_INPUT", { dueAt: "assignments.errors.dueBeforeOpen" });
    await expectAppError(createAssignment(db, teacher, classId, form({ timeZone: "Mars/Olympus" })), "INVALID_INPUT", { timeZone: "errors.timeZoneInvalid" });
    await expectAppError(createAssignment(db, teacher, classId, form({ pack: "nope" })), "INVALID_INPUT", { pack: "assignments.errors.packUnknown" });
    await expectAppError(createAssignment(db, teacher, classId, form({ topics: ["没有这个主题"] })), "INVALID_INPUT", { topics: "errors.INVALID_INPUT" });
    await expectAppError(createAssignment(db, teacher, classId, form({ forms: [] })), "INVALID_INPUT", { forms: "errors.INVALID_INPUT" });
    await expectAppError(createAssignment(db, teacher, classId, form({ questionCount: "" })), "INVALID_INPUT", { questionCount: "errors.INVALID_INPUT" });
    await expectAppError(createAssignment(db, teacher, classId, form({ attemptsAllowed: "0" })), "INVALID_INPUT", { attemptsAllowed: "errors.INVALID_INPUT" });
    await expectAppError(createAssignment(db, teacher, classId, form({ opensAt: "2026-02-30T08:00" })), "INVALID_INPUT", { opensAt: "errors.INVALID_INPUT" });
    // A topic and a form with no question in common.
    const topic = topicOf(getBank().questions.find((q) => q.form === "match")?.section ?? "");
    const withoutMatch = getBank().packs[0]!.facts.map((f) => topicOf(f.section)).find((t) => !getBank().questions.some((q) => q.form === "match" && topicOf(q.section) === t));
    expect(topic).not.toBe(withoutMatch);
    await expectAppError(createAssignment(db, teacher, classId, form({ topics: [withoutMatch], forms: ["match"] })), "INVALID_INPUT", { forms: "assignments.errors.noQuestions" });
    expect(await db.assignment.count({ where: { classId } })).toBe(0);
  });

  it("publishes exactly the previewed questions, one per fact, and then keeps them", async () => {
    const { teacher, classId } = await makeClass(0);
    const draft = await createAssignment(db, teacher, classId, form({ questionCount: "12", forms: ["mc", "tf", "typed"] }));
    const preview = await getPreview(db, teacher, classId, draft.id);
    expect(preview.questions).toHaveLength(12);
    expect(new Set(preview.questions.map((q) => q.factId)).size).toBe(12);
    for (const q of preview.questions) expect(["mc", "tf", "typed"]).toContain(q.form);
    // The preview is stable: the same questions each time it is opened.
    expect((await getPreview(db, teacher, classId, draft.id)).questions.map((q) => q.id)).toEqual(preview.questions.map((q) => q.id));

    await expectAppError(publishAssignment(db, teacher, draft.id, "0".repeat(64), OPENS), "CONFLICT", { assignment: "assignments.errors.questionsChanged" });
    const done = await publishAssignment(db, teacher, draft.id, preview.fingerprint, BEFORE_OPEN);
    expect(done.questionIds).toEqual(preview.questions.map((q) => q.id));
    expect(done.publishedAt).toEqual(BEFORE_OPEN);
    await expectAppError(publishAssignment(db, teacher, draft.id, undefined, OPENS), "CONFLICT");

    // Settings may change after publication; the questions may not.
    const edited = await updateAssignment(db, teacher, draft.id, form({ title: "改过的标题", dueAt: "2026-03-07T12:00", forms: ["match"], questionCount: "3", topics: ["背景"] }));
    expect(edited).toMatchObject({ title: "改过的标题", dueAt: at("2026-03-07T04:00:00Z"), forms: ["mc", "tf", "typed"], questionCount: 12, topics: [] });
    expect(edited.questionIds).toEqual(done.questionIds);

    // "All facts in these topics": one question for every matching fact.
    const topics = ["发展历史", "相关文件"];
    const all = await createAssignment(db, teacher, classId, form({ questionMode: "all", topics, forms: ["mc", "typed"] }));
    const facts = new Set(getBank().questions.filter((q) => topics.includes(topicOf(q.section)) && (q.form === "mc" || q.form === "typed")).map((q) => q.factId));
    const allPreview = await getPreview(db, teacher, classId, all.id);
    expect(allPreview.questions).toHaveLength(facts.size);
    expect(new Set(allPreview.questions.map((q) => q.factId))).toEqual(facts);
    // A draft can be edited freely, and deleted.
    const redone = await updateAssignment(db, teacher, all.id, form({ questionCount: "3" }));
    expect(redone).toMatchObject({ questionCount: 3, topics: [], forms: ["mc", "tf"] });
    await deleteAssignment(db, teacher, all.id);
    expect(await db.assignment.findUnique({ where: { id: all.id } })).toBeNull();
  });

  it("keeps teachers to their own classes and students out of teacher actions", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const other = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId);

    await expectAppError(listClassAssignments(db, other.teacher, classId, TUESDAY), "NOT_FOUND");
    await expectAppError(createAssignment(db, other.teacher, classId, form()), "NOT_FOUND");
    await expectAppError(updateAssignment(db, other.teacher, a.id, form()), "NOT_FOUND");
    await expectAppError(deleteAssignment(db, other.teacher, a.id), "NOT_FOUND");
    await expectAppError(publishAssignment(db, other.teacher, a.id, undefined, TUESDAY), "NOT_FOUND");
    await expectAppError(getAssignmentResults(db, other.teacher, a.id, TUESDAY), "NOT_FOUND");
    await expectAppError(getPreview(db, other.teacher, classId, a.id), "NOT_FOUND");
    await expectAppError(setExtension(db, other.teacher, { assignmentId: a.id, userId: student.id, extraMinutes: "10" }, TUESDAY), "NOT_FOUND");
    // The right teacher, the wrong class in the URL.
    await expectAppError(getPreview(db, teacher, other.classId, a.id), "NOT_FOUND");
    // An extension for someone outside the class.
    await expectAppError(setExtension(db, teacher, { assignmentId: a.id, userId: other.students[0]!.id, extraMinutes: "10" }, TUESDAY), "NOT_FOUND");

    await expectAppError(listClassAssignments(db, student, classId, TUESDAY), "FORBIDDEN");
    await expectAppError(createAssignment(db, student, classId, form()), "FORBIDDEN");
    await expectAppError(updateAssignment(db, student, a.id, form()), "FORBIDDEN");
    await expectAppError(deleteAssignment(db, student, a.id), "FORBIDDEN");
    await expectAppError(publishAssignment(db, student, a.id, undefined, TUESDAY), "FORBIDDEN");
    await expectAppError(getAssignmentResults(db, student, a.id, TUESDAY), "FORBIDDEN");
    await expectAppError(setExtension(db, student, { assignmentId: a.id, userId: student.id, extraMinutes: "10" }, TUESDAY), "FORBIDDEN");

    // A student of another class cannot see or start it.
    await expectAppError(getTakeView(db, other.students[0]!.id, a.id, TUESDAY), "NOT_FOUND");
    await expectAppError(startAttempt(db, other.students[0]!.id, a.id, TUESDAY), "NOT_FOUND");
  });

  it("hides a student's attempt from everyone else, classmates included", async () => {
    const { teacher, classId, students } = await makeClass(2);
    const [owner, classmate] = students as [SessionUser, SessionUser];
    const stranger = await makeUser("student", "陌生人");
    const a = await published(teacher, classId);
    const { attemptId } = await startAttempt(db, owner.id, a.id, TUESDAY);
    const q = questionOf(a.questionIds[0]!);
    for (const intruder of [classmate, stranger]) {
      await expectAppError(saveAnswer(db, intruder.id, { attemptId, item: 0, response: rightAnswer(q) }, TUESDAY), "NOT_FOUND");
      await expectAppError(submitAttempt(db, intruder.id, attemptId, TUESDAY), "NOT_FOUND");
    }
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).submittedAt).toBeNull();
  });

  it("takes an attempt question by question, survives a reload, scores it and then freezes it", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "4", attemptsAllowed: "2" });

    await expectAppError(startAttempt(db, student.id, a.id, BEFORE_OPEN), "CONFLICT", { attempt: "assignments.errors.notOpen" });
    expect((await getTakeView(db, student.id, a.id, BEFORE_OPEN)).status).toBe("upcoming");
    expect((await getTakeView(db, student.id, a.id, TUESDAY)).status).toBe("not_started");

    const { attemptId } = await startAttempt(db, student.id, a.id, TUESDAY);
    // A second tap (or a second device) resumes the same attempt.
    expect(await startAttempt(db, student.id, a.id, plus(TUESDAY, MINUTE))).toEqual({ attemptId });

    const first = await answer(student, attemptId, a, 0, true, plus(TUESDAY, MINUTE));
    expect(first.result).toMatchObject({ correct: true, partial: false });
    const second = await answer(student, attemptId, a, 1, false, plus(TUESDAY, 2 * MINUTE));
    expect(second.result).toMatchObject({ correct: false });
    // Feedback was shown, so the first answer stands: a repeat returns the stored result.
    const again = await answer(student, attemptId, a, 1, true, plus(TUESDAY, 3 * MINUTE));
    expect(again.result).toMatchObject({ correct: false });

    // A reload: the page gets the attempt back with both answers and their results.
    const view = await getTakeView(db, student.id, a.id, plus(TUESDAY, 4 * MINUTE));
    expect(view.status).toBe("in_progress");
    expect(view.open).toMatchObject({ id: attemptId, number: 1, deadline: null });
    expect(view.open?.questions.map((q) => q.item)).toEqual([0, 1, 2, 3]);
    expect(view.open?.questions.map((q) => q.prompt)).toEqual(a.questionIds.map((id) => questionOf(id).prompt));
    expect(JSON.stringify(view.open?.questions)).not.toContain('"answer"');
    expect(view.open?.answers).toHaveLength(2);
    expect(view.open?.answers.find((x) => x.item === 1)).toMatchObject({ response: wrongAnswer(questionOf(a.questionIds[1]!)), result: { correct: false } });

    // An item number beyond the assignment's is not part of this attempt.
    await expectAppError(saveAnswer(db, student.id, { attemptId, item: 4, response: "x" }, plus(TUESDAY, 5 * MINUTE)), "NOT_FOUND", { item: "errors.NOT_FOUND" });
    // A bank id is no longer a way to address a question.
    await expectAppError(saveAnswer(db, student.id, { attemptId, questionId: a.questionIds[2], response: "x" }, plus(TUESDAY, 5 * MINUTE)), "INVALID_INPUT");

    const { score } = await submitAttempt(db, student.id, attemptId, plus(TUESDAY, 6 * MINUTE));
    expect(score).toBe(0.25); // one right of four; unanswered count as wrong
    await expectAppError(submitAttempt(db, student.id, attemptId, plus(TUESDAY, 7 * MINUTE)), "CONFLICT", { attempt: "assignments.errors.submitted" });
    await expectAppError(answer(student, attemptId, a, 2, true, plus(TUESDAY, 7 * MINUTE)), "CONFLICT", { attempt: "assignments.errors.submitted" });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { answers: true } });
    expect(stored).toMatchObject({ score: 0.25, submittedAt: plus(TUESDAY, 6 * MINUTE) });
    expect(stored.answers).toHaveLength(2);

    const after = await getTakeView(db, student.id, a.id, plus(TUESDAY, 8 * MINUTE));
    expect(after).toMatchObject({ status: "submitted", attemptsUsed: 1, startRefusal: null, open: null });
    expect(after.handedIn).toMatchObject([{ id: attemptId, number: 1, score: 0.25, late: false }]);
    expect(after.review?.answers.map((x) => x.result.correct)).toEqual([true, false, false, false]);
    expect(after.review?.answers[2]?.response).toBeNull();

    // Two attempts allowed: a second one, then no more.
    const second2 = await startAttempt(db, student.id, a.id, plus(TUESDAY, HOUR));
    expect(second2.attemptId).not.toBe(attemptId);
    for (let i = 0; i < 4; i++) await answer(student, second2.attemptId, a, i, true, plus(TUESDAY, HOUR + i * MINUTE));
    expect(await submitAttempt(db, student.id, second2.attemptId, plus(TUESDAY, 2 * HOUR))).toEqual({ score: 1 });
    await expectAppError(startAttempt(db, student.id, a.id, plus(TUESDAY, 3 * HOUR)), "CONFLICT", { attempt: "assignments.errors.noAttemptsLeft" });
    const list = await listStudentAssignments(db, student.id, plus(TUESDAY, 3 * HOUR));
    expect(list).toMatchObject([{ id: a.id, status: "submitted", attemptsUsed: 2, attemptsAllowed: 2, best: 1, questionTotal: 4, className: "高一(3)班" }]);
    expect((await getTakeView(db, student.id, a.id, plus(TUESDAY, 3 * HOUR))).startRefusal).toBe("noAttemptsLeft");
  });

  it("with feedback at the end, replaces a re-answered question and shows nothing until the hand-in", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "2", feedback: "end" });
    const { attemptId } = await startAttempt(db, student.id, a.id, TUESDAY);
    expect((await answer(student, attemptId, a, 0, false, plus(TUESDAY, MINUTE))).result).toBeNull();
    expect((await answer(student, attemptId, a, 0, true, plus(TUESDAY, 2 * MINUTE))).result).toBeNull();
    // The same answer sent twice (a retry after a lost response) is stored once.
    await answer(student, attemptId, a, 1, true, plus(TUESDAY, 3 * MINUTE));
    await answer(student, attemptId, a, 1, true, plus(TUESDAY, 3 * MINUTE));
    const answers = await db.attemptAnswer.findMany({ where: { attemptId }, orderBy: { answeredAt: "asc" } });
    expect(answers).toHaveLength(2);
    expect(answers.find((x) => x.questionId === a.questionIds[0])).toMatchObject({ correct: true, score: 1, answeredAt: plus(TUESDAY, 2 * MINUTE) });

    const view = await getTakeView(db, student.id, a.id, plus(TUESDAY, 4 * MINUTE));
    expect(view.open?.answers.every((x) => x.result === null)).toBe(true);
    expect(view.review).toBeNull();
    expect(await submitAttempt(db, student.id, attemptId, plus(TUESDAY, 5 * MINUTE))).toEqual({ score: 1 });
    expect((await getTakeView(db, student.id, a.id, plus(TUESDAY, 6 * MINUTE))).review?.answers.every((x) => x.result.correct)).toBe(true);
  });

  it("enforces the time limit on the server, with a student's extra minutes", async () => {
    const { teacher, classId, students } = await makeClass(3);
    const [s1, s2, s3] = students as [SessionUser, SessionUser, SessionUser];
    const a = await published(teacher, classId, { questionCount: "3", timeLimitMinutes: "10", feedback: "end" });
    await setExtension(db, teacher, { assignmentId: a.id, userId: s2.id, extraMinutes: "5", dueAt: "" }, TUESDAY);

    const t1 = await startAttempt(db, s1.id, a.id, TUESDAY);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t1.attemptId } })).deadline).toEqual(plus(TUESDAY, 10 * MINUTE));
    await answer(s1, t1.attemptId, a, 0, true, plus(TUESDAY, 10 * MINUTE)); // at the deadline: accepted
    await expectAppError(answer(s1, t1.attemptId, a, 1, true, plus(TUESDAY, 10 * MINUTE + 1)), "CONFLICT", { attempt: "assignments.errors.timeUp" });
    // The refused answer handed the attempt in, at its deadline, with what was saved in time.
    expect(await db.attempt.findUniqueOrThrow({ where: { id: t1.attemptId } })).toMatchObject({ submittedAt: plus(TUESDAY, 10 * MINUTE), score: 0.3333 });
    expect(await db.attemptAnswer.count({ where: { attemptId: t1.attemptId } })).toBe(1);

    // Extra minutes: 15 minutes for s2.
    const t2 = await startAttempt(db, s2.id, a.id, TUESDAY);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t2.attemptId } })).deadline).toEqual(plus(TUESDAY, 15 * MINUTE));
    await answer(s2, t2.attemptId, a, 0, true, plus(TUESDAY, 14 * MINUTE));
    // Submitting after the deadline hands in at the deadline rather than failing.
    expect(await submitAttempt(db, s2.id, t2.attemptId, plus(TUESDAY, 20 * MINUTE))).toEqual({ score: 0.3333 });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t2.attemptId } })).submittedAt).toEqual(plus(TUESDAY, 15 * MINUTE));

    // Abandoned mid-test: handed in at its deadline when next listed.
    const t3 = await startAttempt(db, s3.id, a.id, TUESDAY);
    await answer(s3, t3.attemptId, a, 0, true, plus(TUESDAY, MINUTE));
    await answer(s3, t3.attemptId, a, 1, true, plus(TUESDAY, 2 * MINUTE));
    // Time granted during the test lengthens the open attempt.
    await setExtension(db, teacher, { assignmentId: a.id, userId: s3.id, extraMinutes: "20" }, plus(TUESDAY, 3 * MINUTE));
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t3.attemptId } })).deadline).toEqual(plus(TUESDAY, 30 * MINUTE));
    expect((await listStudentAssignments(db, s3.id, plus(TUESDAY, 29 * MINUTE)))[0]?.status).toBe("in_progress");
    const listed = await listStudentAssignments(db, s3.id, plus(TUESDAY, DAY));
    expect(listed[0]).toMatchObject({ status: "submitted", best: 0.6667 });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: t3.attemptId } })).toMatchObject({ submittedAt: plus(TUESDAY, 30 * MINUTE), score: 0.6667 });
  });

  it("reports not started, in progress, submitted, late and missing, moved by an extended due date", async () => {
    const { teacher, classId, students } = await makeClass(5);
    const [onTime, late, missing, extended, working] = students as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
    const a = await published(teacher, classId, { questionCount: "2", feedback: "end" });
    const draft = await createAssignment(db, teacher, classId, form({ title: "草稿" }));

    const before = await listClassAssignments(db, teacher, classId, TUESDAY);
    expect(before.studentCount).toBe(5);
    expect(before.assignments.find((x) => x.assignment.id === a.id)?.counts).toMatchObject({ not_started: 5 });
    expect(before.assignments.find((x) => x.assignment.id === draft.id)?.counts).toBeNull();
    expect((await listClassAssignments(db, teacher, classId, BEFORE_OPEN)).assignments.find((x) => x.assignment.id === a.id)?.counts).toMatchObject({ upcoming: 5 });

    const finish = async (s: SessionUser, start: Date) => {
      const { attemptId } = await startAttempt(db, s.id, a.id, start);
      await answer(s, attemptId, a, 0, true, plus(start, MINUTE));
      await submitAttempt(db, s.id, attemptId, plus(start, 2 * MINUTE));
    };
    await finish(onTime, TUESDAY);
    await finish(late, plus(DUE, HOUR)); // late work is accepted and marked late
    await setExtension(db, teacher, { assignmentId: a.id, userId: extended.id, extraMinutes: "0", dueAt: "2026-03-08T23:59" }, TUESDAY);
    await finish(extended, plus(DUE, DAY)); // after the class's due date, before the student's own
    await startAttempt(db, working.id, a.id, plus(DUE, 2 * DAY));

    const now = plus(DUE, 2 * DAY + HOUR);
    const counts = (await listClassAssignments(db, teacher, classId, now)).assignments.find((x) => x.assignment.id === a.id)?.counts;
    expect(counts).toEqual({ upcoming: 0, not_started: 0, in_progress: 1, submitted: 2, late: 1, missing: 1 });

    const statusOf = async (s: SessionUser) => (await listStudentAssignments(db, s.id, now)).find((x) => x.id === a.id)?.status;
    expect(await statusOf(onTime)).toBe("submitted");
    expect(await statusOf(late)).toBe("late");
    expect(await statusOf(missing)).toBe("missing");
    expect(await statusOf(extended)).toBe("submitted");
    expect(await statusOf(working)).toBe("in_progress");
    expect((await listStudentAssignments(db, extended.id, now))[0]?.dueAt).toEqual(at("2026-03-08T15:59:00Z"));

    // An extension that lands later turns missing into not started.
    expect(await statusOf(missing)).toBe("missing");
    await expectAppError(setExtension(db, teacher, { assignmentId: a.id, userId: missing.id, dueAt: "2026-03-05T12:00" }, now), "INVALID_INPUT", { dueAt: "assignments.errors.extensionBeforeDue" });
    await setExtension(db, teacher, { assignmentId: a.id, userId: missing.id, dueAt: "2026-03-10T23:59" }, now);
    expect(await statusOf(missing)).toBe("not_started");
    // Zero and blank remove it again.
    await setExtension(db, teacher, { assignmentId: a.id, userId: missing.id, extraMinutes: "", dueAt: "" }, now);
    expect(await db.assignmentExtension.count({ where: { assignmentId: a.id, userId: missing.id } })).toBe(0);

    // The results the reports read: every student, every attempt with its answers.
    const results = await getAssignmentResults(db, teacher, a.id, now);
    expect(results.questions.map((q) => q.id)).toEqual(a.questionIds);
    expect(results.students).toHaveLength(5);
    const lateRow = results.students.find((s) => s.userId === late.id);
    expect(lateRow).toMatchObject({ status: "late", best: 0.5, extension: null, dueAt: DUE });
    expect(lateRow?.attempts).toMatchObject([{ number: 1, score: 0.5, late: true, answers: [{ questionId: a.questionIds[0], correct: true, score: 1 }] }]);
    expect(results.students.find((s) => s.userId === extended.id)).toMatchObject({ status: "submitted", extension: { extraMinutes: 0 }, attempts: [{ late: false }] });
    expect(results.students.find((s) => s.userId === working.id)?.attempts).toMatchObject([{ submittedAt: null, score: null }]);

    // Work done: a published assignment with attempts cannot be deleted.
    await expectAppError(deleteAssignment(db, teacher, a.id), "CONFLICT", { assignment: "assignments.errors.hasAttempts" });
  });

  it("turns each first answer into a review in the student's schedule, skipping a suspended card", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "3", feedback: "end" });
    const { attemptId } = await startAttempt(db, student.id, a.id, TUESDAY);
    const [q0, q1, q2] = a.questionIds.map(questionOf) as [Question, Question, Question];

    await answer(student, attemptId, a, 0, false, plus(TUESDAY, MINUTE));
    await answer(student, attemptId, a, 0, true, plus(TUESDAY, 2 * MINUTE)); // replaced in the attempt, not in the schedule
    const log = await db.reviewLog.findMany({ where: { userId: student.id } });
    expect(log).toMatchObject([{ clientId: `attempt-${attemptId}-0`, questionId: q0.id, kind: "review", correct: false, rating: 1, reviewedAt: plus(TUESDAY, MINUTE) }]);
    expect(await db.card.findFirst({ where: { userId: student.id, factId: q0.factId, facet: q0.facet } })).toMatchObject({ reps: 1 });

    // A leech the student suspended stays suspended; the answer still counts in the attempt.
    await db.card.create({
      data: { userId: student.id, pack: q1.pack, factId: q1.factId, facet: q1.facet, topic: topicOf(q1.section), ...newCard(TUESDAY), suspended: true, leech: true, createdAt: TUESDAY },
    });
    await answer(student, attemptId, a, 1, true, plus(TUESDAY, 3 * MINUTE));
    expect(await db.reviewLog.count({ where: { userId: student.id, questionId: q1.id } })).toBe(0);
    await answer(student, attemptId, a, 2, true, plus(TUESDAY, 4 * MINUTE));
    expect(await db.reviewLog.count({ where: { userId: student.id, questionId: q2.id, correct: true } })).toBe(1);
    expect(await submitAttempt(db, student.id, attemptId, plus(TUESDAY, 5 * MINUTE))).toEqual({ score: 1 });
  });

  it("starts one attempt when several starts race, and scores answers that race a hand-in consistently", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "6", feedback: "end", attemptsAllowed: "3" });
    const starts = await Promise.all([1, 2, 3, 4].map(() => startAttempt(db, student.id, a.id, TUESDAY)));
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    expect(await db.attempt.count({ where: { assignmentId: a.id, userId: student.id } })).toBe(1);

    const attemptId = starts[0]!.attemptId;
    const saves = a.questionIds.map((_, i) => answer(student, attemptId, a, i, true, plus(TUESDAY, MINUTE)));
    const results = await Promise.allSettled([...saves, submitAttempt(db, student.id, attemptId, plus(TUESDAY, MINUTE))]);
    const saved = results.slice(0, -1).filter((r) => r.status === "fulfilled").length;
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    // Whatever order they ran in, the score counts exactly the answers stored before the hand-in.
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { answers: true } });
    expect(stored.answers).toHaveLength(saved);
    expect(stored.score).toBeCloseTo(saved / 6, 4);
  });
});

describe(`the key of an assignment on ${db.$engine}`, () => {
  /** Every bank id an assignment's student-side data could leak. */
  const expectNoBankId = (data: unknown, a: AssignmentView) => {
    const text = JSON.stringify(data);
    for (const id of a.questionIds) expect(text).not.toContain(id);
  };
  const hasKey = (result: object) => "expected" in result || "key" in result || "explanation" in result || "section" in result;

  it("gives the student's side item numbers, never bank ids, and saves by item", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    for (const feedback of ["each", "end"]) {
      const a = await published(teacher, classId, { questionCount: "4", feedback, attemptsAllowed: "1" });
      const { attemptId } = await startAttempt(db, student.id, a.id, TUESDAY);
      const saved = await answer(student, attemptId, a, 2, true, plus(TUESDAY, MINUTE));
      expect(saved.item).toBe(2);
      expectNoBankId(saved, a);
      // Stored under the bank id of item 2 (server side), found again by item on a reload.
      expect(await db.attemptAnswer.findMany({ where: { attemptId }, select: { questionId: true, correct: true } })).toEqual([{ questionId: a.questionIds[2], correct: true }]);
      const open = await getTakeView(db, student.id, a.id, plus(TUESDAY, 2 * MINUTE));
      expect(open.open?.questions.map((q) => q.id)).toEqual(["item-0", "item-1", "item-2", "item-3"]);
      expect(open.open?.answers.map((x) => x.item)).toEqual([2]);
      expectNoBankId(open, a);

      await submitAttempt(db, student.id, attemptId, plus(TUESDAY, 3 * MINUTE));
      const after = await getTakeView(db, student.id, a.id, plus(TUESDAY, 4 * MINUTE));
      expect(after.review?.answers.map((x) => x.question.item)).toEqual([0, 1, 2, 3]);
      expectNoBankId(after, a);
    }
  });

  it("withholds the key after a hand-in while attempts remain, and shows it once none do", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "3", feedback: "end", attemptsAllowed: "2" });
    expect(a.answerKey).toBe("final");
    const first = await startAttempt(db, student.id, a.id, TUESDAY);
    await answer(student, first.attemptId, a, 0, true, plus(TUESDAY, MINUTE));
    await answer(student, first.attemptId, a, 1, false, plus(TUESDAY, MINUTE));
    await submitAttempt(db, student.id, first.attemptId, plus(TUESDAY, 2 * MINUTE));

    const withheld = await getTakeView(db, student.id, a.id, plus(TUESDAY, 3 * MINUTE));
    expect(withheld.review?.keyShown).toBe(false);
    // Right or wrong per question, always; the key, not yet.
    expect(withheld.review?.answers.map((x) => x.result)).toEqual([
      { correct: true, partial: false },
      { correct: false, partial: false },
      { correct: false, partial: false },
    ]);
    const expected = a.questionIds.map((id) => answerText(questionOf(id)));
    for (const x of withheld.review?.answers ?? []) expect(hasKey(x.result)).toBe(false);

    const second = await startAttempt(db, student.id, a.id, plus(TUESDAY, HOUR));
    await submitAttempt(db, student.id, second.attemptId, plus(TUESDAY, HOUR + MINUTE));
    const shown = await getTakeView(db, student.id, a.id, plus(TUESDAY, 2 * HOUR));
    expect(shown.review?.keyShown).toBe(true);
    // The review is of the second attempt, which asks the same questions in its own order.
    const order = await attemptQuestionIds(second.attemptId, a);
    expect(shown.review?.answers.map((x) => (x.result as { expected?: string }).expected)).toEqual(order.map((id) => expected[a.questionIds.indexOf(id)]));
    // The structured key (per-option feedback) comes with the text key, and only then.
    expect(shown.review?.answers.map((x) => (x.result as { key?: unknown }).key)).toEqual(order.map((id) => questionOf(id).answer));
  });

  it("shows the key after each hand-in when the teacher chose so, never beside an open attempt", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { questionCount: "2", feedback: "end", attemptsAllowed: "3", answerKey: "each" });
    expect(a.answerKey).toBe("each");
    const first = await startAttempt(db, student.id, a.id, TUESDAY);
    await answer(student, first.attemptId, a, 0, false, plus(TUESDAY, MINUTE));
    await submitAttempt(db, student.id, first.attemptId, plus(TUESDAY, 2 * MINUTE));
    const view = await getTakeView(db, student.id, a.id, plus(TUESDAY, 3 * MINUTE));
    expect(view.review?.keyShown).toBe(true);
    expect(view.review?.answers[0]?.result).toMatchObject({ correct: false, expected: answerText(questionOf(a.questionIds[0]!)) });

    await startAttempt(db, student.id, a.id, plus(TUESDAY, HOUR));
    const taking = await getTakeView(db, student.id, a.id, plus(TUESDAY, HOUR + MINUTE));
    expect(taking.review?.keyShown).toBe(false);
    for (const x of taking.review?.answers ?? []) expect(hasKey(x.result)).toBe(false);

    // The teacher can change the rule after publishing.
    const edited = await updateAssignment(db, teacher, a.id, form({ answerKey: "final" }));
    expect(edited.answerKey).toBe("final");
  });

  it("keeps the study queue off the questions of an unfinished assignment while the facet has another form", async () => {
    const { classId, students } = await makeClass(1);
    const student = students[0]!;
    const before = await getStudyQueue(db, student.id, {}, TUESDAY, "zh-CN");
    const picked = before.items.slice(0, 4).map((i) => i.question.id);
    expect(picked).toHaveLength(4);
    // An assignment asking exactly the questions the queue would show (made directly: its ids are the point).
    const row = await db.assignment.create({
      data: { classId, title: "测验", pack: "yrd", topics: "[]", forms: "[]", questionIds: JSON.stringify(picked), opensAt: OPENS, dueAt: DUE, timeZone: "Asia/Shanghai", attemptsAllowed: 1, publishedAt: BEFORE_OPEN },
    });
    const during = await getStudyQueue(db, student.id, {}, TUESDAY, "zh-CN");
    expect(during.items.slice(0, 4).map((i) => i.key)).toEqual(before.items.slice(0, 4).map((i) => i.key));
    for (const item of during.items) expect(picked).not.toContain(item.question.id);
    const bundle = await getOfflineBundle(db, student.id, TUESDAY, "zh-CN", 3);
    for (const item of bundle.items) expect(picked).not.toContain(item.question.id);

    // Handed in with no attempt left: the queue may ask them again.
    await db.attempt.create({ data: { assignmentId: row.id, userId: student.id, number: 1, startedAt: TUESDAY, submittedAt: TUESDAY, score: 0 } });
    const after = await getStudyQueue(db, student.id, {}, TUESDAY, "zh-CN");
    expect(after.items.slice(0, 4).map((i) => i.question.id)).toEqual(picked);
  });
});
