import { afterAll, describe, expect, it } from "vitest";
import type { Question, QuestionForm } from "@/lib/core/generate";
import { questionForms } from "@/lib/core/generate";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { getPreview, getTakeView } from "@/lib/features/assignments/data";
import {
  acceptAnswer,
  changeDraftQuestion,
  createAssignment,
  flagAnswer,
  publishAssignment,
  saveAnswer,
  startAttempt,
  submitAttempt,
  updateAssignment,
} from "@/lib/features/assignments/mutations";
import type { AssignmentView } from "@/lib/features/assignments/schema";
import { getAssignmentReport, getStudentAnswers } from "@/lib/features/reports/data";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import { AppError } from "@/lib/server/errors";
import { testDb, unique } from "./db";
import { at, HOUR, MINUTE, plus, rightAnswer, wrongAnswer } from "./study-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

const BEFORE_OPEN = at("2026-03-01T23:00:00Z");
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

async function makeClass(size: number) {
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

function form(overrides: Record<string, unknown> = {}) {
  return {
    title: "再做一次",
    pack: "yrd",
    topics: [] as string[],
    forms: [...questionForms] as QuestionForm[],
    questionMode: "count",
    questionCount: "8",
    opensAt: "2026-03-02T08:00",
    dueAt: "2026-03-06T23:59",
    timeZone: "Asia/Shanghai",
    attemptsAllowed: "3",
    timeLimitMinutes: "",
    masteryGoal: "",
    feedback: "end",
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

async function attemptIds(attemptId: string): Promise<string[]> {
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  return JSON.parse(row.questionIds) as string[];
}

/** Answers every item of an attempt (right unless `wrong` holds the item), then hands it in. */
async function takeAttempt(student: SessionUser, a: AssignmentView, now: Date, wrong: (q: Question, item: number) => boolean = () => false, response?: (q: Question) => AnswerResponse | undefined) {
  const { attemptId } = await startAttempt(db, student.id, a.id, now);
  const ids = await attemptIds(attemptId);
  for (const [item, id] of ids.entries()) {
    const q = questionOf(id);
    const given = response?.(q) ?? (wrong(q, item) ? wrongAnswer(q) : rightAnswer(q));
    await saveAnswer(db, student.id, { attemptId, item, response: given }, plus(now, MINUTE));
  }
  const { score } = await submitAttempt(db, student.id, attemptId, plus(now, 2 * MINUTE));
  return { attemptId, ids, score };
}

const facetOf = (id: string) => {
  const q = questionOf(id);
  return `${q.factId}/${q.facet}`;
};

describe(`attempt modes on ${db.$engine}`, { timeout: 120_000 }, () => {
  it("shuffle: the first attempt asks the published order, a later one the same questions in another order", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const student = students[0]!;
    const a = await published(teacher, classId, { attemptMode: "shuffle" });
    expect(a.attemptMode).toBe("shuffle");
    const first = await takeAttempt(student, a, TUESDAY);
    expect(first.ids).toEqual(a.questionIds);
    const second = await takeAttempt(student, a, plus(TUESDAY, HOUR), (_, item) => item === 0);
    expect(second.ids).not.toEqual(a.questionIds);
    expect([...second.ids].sort()).toEqual([...a.questionIds].sort());
    // Items are addressed within the attempt: item 0 of attempt 2 is its own first question.
    const stored = await db.attemptAnswer.findMany({ where: { attemptId: second.attemptId, correct: false } });
    expect(stored.map((s) => s.questionId)).toEqual([second.ids[0]]);
    expect(second.score).toBeCloseTo(7 / 8);
    const view = await getTakeView(db, student.id, a.id, plus(TUESDAY, 2 * HOUR));
    expect(view.review?.attemptNumber).toBe(2);
    expect(view.review?.answers[0]?.result.correct).toBe(false);
    expect(view.review?.answers[0]?.question.prompt).toBe(questionOf(second.ids[0]!).prompt);
  });

  it("redraw: a later attempt asks another question of each facet where the bank has one; reports count it per question", async () => {
    const { teacher, classId, students } = await makeClass(2);
    const [s1, s2] = students as [SessionUser, SessionUser];
    const a = await published(teacher, classId, { attemptMode: "redraw" });
    const first = await takeAttempt(s1, a, TUESDAY, () => true);
    expect(first.ids).toEqual(a.questionIds);
    const second = await takeAttempt(s1, a, plus(TUESDAY, HOUR));
    expect(second.ids.map(facetOf)).toEqual(a.questionIds.map(facetOf));
    const changed = second.ids.filter((id, i) => id !== a.questionIds[i]);
    // Every generated facet has at least two forms, and every form is allowed here.
    expect(changed).toHaveLength(a.questionIds.length);
    // In other words wherever the facet has another wording (a typed and a numeric question may share one).
    for (const [i, id] of second.ids.entries()) {
      const published = questionOf(a.questionIds[i]!);
      const reworded = getBank().questions.some((q) => facetOf(q.id) === facetOf(id) && q.prompt !== published.prompt);
      if (reworded) expect(questionOf(id).prompt, facetOf(id)).not.toBe(published.prompt);
    }
    const third = await takeAttempt(s1, a, plus(TUESDAY, 2 * HOUR), () => true);
    expect(third.ids.map(facetOf)).toEqual(a.questionIds.map(facetOf));
    // A third attempt asks what was not asked yet wherever the facet has such a question.
    const asked = new Set([...first.ids, ...second.ids]);
    for (const id of third.ids) {
      const fresh = getBank().questions.filter((q) => facetOf(q.id) === facetOf(id) && !asked.has(q.id));
      if (fresh.length > 0) expect(asked.has(id), facetOf(id)).toBe(false);
    }
    // The open attempt's prompts are its own.
    await takeAttempt(s2, a, TUESDAY, (_, item) => item < 4);

    // s1's counted attempt is the second (all right): its questions are rows of their own,
    // each over the attempts that asked it; the published ones over s2's attempt alone.
    const report = await getAssignmentReport(db, teacher, classId, a.id, plus(TUESDAY, 3 * HOUR));
    expect(report.students.find((s) => s.userId === s1.id)).toMatchObject({ score: 1, countedNumber: 2 });
    expect(report.questions.map((q) => q.id)).toEqual([...a.questionIds, ...second.ids]);
    for (const q of report.questions) expect(q.n).toBe(1);
    expect(report.questions.slice(8).every((q) => q.facility === 1)).toBe(true);
    // The student's page lists the published items, each with what the attempt asked in its place.
    const answers = await getStudentAnswers(db, teacher, classId, a.id, s1.id, null, plus(TUESDAY, 3 * HOUR));
    expect(answers.shown).toBe(2);
    expect(answers.answers.map((r) => r.questionId)).toEqual(second.ids);
    expect(answers.answers.every((r) => r.outcome === "correct")).toBe(true);
  });

  it("spreads forms: no form takes more than half of a set drawn from every form", async () => {
    const { teacher, classId } = await makeClass(0);
    for (let i = 0; i < 4; i++) {
      const draft = await createAssignment(db, teacher, classId, form());
      const { questions } = await getPreview(db, teacher, classId, draft.id);
      const counts = new Map<string, number>();
      for (const q of questions) counts.set(q.form, (counts.get(q.form) ?? 0) + 1);
      expect(Math.max(...counts.values()), JSON.stringify([...counts])).toBeLessThanOrEqual(4);
    }
  });
});

describe(`the draft preview's swap and drop on ${db.$engine}`, { timeout: 120_000 }, () => {
  it("swaps a question for another of its facet or another fact, drops one, and publishes the edited list", async () => {
    const { teacher, classId, students } = await makeClass(1);
    const draft = await createAssignment(db, teacher, classId, form({ questionCount: "5", attemptMode: "redraw" }));
    const before = (await getPreview(db, teacher, classId, draft.id)).questions.map((q) => q.id);

    await changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: before[1], change: "facet" });
    let now = (await getPreview(db, teacher, classId, draft.id)).questions.map((q) => q.id);
    expect(now[1]).not.toBe(before[1]);
    expect(facetOf(now[1]!)).toBe(facetOf(before[1]!));
    expect(now.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));

    await changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: now[2], change: "fact" });
    const swapped = (await getPreview(db, teacher, classId, draft.id)).questions;
    expect(swapped[2]?.factId).not.toBe(questionOf(now[2]!).factId);
    expect(new Set(swapped.map((q) => q.factId)).size).toBe(5);
    now = swapped.map((q) => q.id);

    const dropped = await changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: now[0], change: "drop" });
    expect(dropped.questionCount).toBe(4);
    const preview = await getPreview(db, teacher, classId, draft.id);
    expect(preview.questions.map((q) => q.id)).toEqual(now.slice(1));

    // Other people cannot touch it; a question not in the list is refused.
    const other = await makeUser("teacher", "别的老师");
    await expectAppError(changeDraftQuestion(db, other, { assignmentId: draft.id, questionId: now[1], change: "drop" }), "NOT_FOUND");
    await expectAppError(changeDraftQuestion(db, students[0]!, { assignmentId: draft.id, questionId: now[1], change: "drop" }), "FORBIDDEN");
    await expectAppError(changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: now[0], change: "drop" }), "CONFLICT");
    await expectAppError(changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: "zz", change: "drop" }), "INVALID_INPUT");

    // Saving the form with the same filters keeps the edits; publishing fixes the edited list.
    await updateAssignment(db, teacher, draft.id, form({ title: "改名", questionCount: "4", attemptMode: "redraw" }));
    const done = await publishAssignment(db, teacher, draft.id, preview.fingerprint, BEFORE_OPEN);
    expect(done.questionIds).toEqual(now.slice(1));
    await expectAppError(changeDraftQuestion(db, teacher, { assignmentId: draft.id, questionId: now[1], change: "drop" }), "CONFLICT");

    // Changed filters draw afresh; the last question cannot be dropped.
    const small = await createAssignment(db, teacher, classId, form({ questionCount: "2" }));
    const drawn = (await getPreview(db, teacher, classId, small.id)).questions.map((q) => q.id);
    await changeDraftQuestion(db, teacher, { assignmentId: small.id, questionId: drawn[0], change: "drop" });
    await expectAppError(changeDraftQuestion(db, teacher, { assignmentId: small.id, questionId: drawn[1], change: "drop" }), "INVALID_INPUT", {
      questionId: "assignments.errors.lastQuestion",
    });
    await updateAssignment(db, teacher, small.id, form({ questionCount: "3" }));
    expect((await getPreview(db, teacher, classId, small.id)).questions).toHaveLength(3);
  });
});

describe(`typed answers accepted by the teacher on ${db.$engine}`, { timeout: 120_000 }, () => {
  it("a student flags a typed answer; the teacher accepts it for one student, or for everyone, and scores follow", async () => {
    const { teacher, classId, students } = await makeClass(3);
    const [s1, s2, s3] = students as [SessionUser, SessionUser, SessionUser];
    // Typed only: a mixed draw of 4 may hold no typed question at all.
    const a = await published(teacher, classId, { forms: ["typed"], questionCount: "4", attemptsAllowed: "1" });
    const typed = a.questionIds.findIndex((id) => questionOf(id).form === "typed");
    expect(typed).toBeGreaterThanOrEqual(0);
    const typedId = a.questionIds[typed]!;
    // Written another way the key does not list: wrong by the grader.
    const other = (q: Question) => (q.id === typedId ? "另一种说法" : undefined);
    const t1 = await takeAttempt(s1, a, TUESDAY, () => false, other);
    const t2 = await takeAttempt(s2, a, TUESDAY, () => false, other);
    expect(t1.score).toBeCloseTo(3 / 4);

    // Flag: only a typed answer graded wrong, only after the hand-in.
    await flagAnswer(db, s1.id, { attemptId: t1.attemptId, item: typed }, plus(TUESDAY, HOUR));
    // Any other item was answered right: not flaggable.
    const rightItem = typed === 0 ? 1 : 0;
    await expectAppError(flagAnswer(db, s1.id, { attemptId: t1.attemptId, item: rightItem }, plus(TUESDAY, HOUR)), "CONFLICT", { attempt: "assignments.errors.notFlaggable" });
    await expectAppError(flagAnswer(db, s2.id, { attemptId: t1.attemptId, item: typed }, plus(TUESDAY, HOUR)), "NOT_FOUND");
    const view = await getTakeView(db, s1.id, a.id, plus(TUESDAY, HOUR));
    expect(view.review?.answers[typed]).toMatchObject({ flagged: true, accepted: false });
    const rows = await getStudentAnswers(db, teacher, classId, a.id, s1.id, null, plus(TUESDAY, HOUR));
    expect(rows.answers[typed]).toMatchObject({ flagged: true, accepted: false, outcome: "wrong" });

    // For one student: s1's answer becomes right and the score is recomputed; s2's stays.
    await expectAppError(acceptAnswer(db, s1, { attemptId: t1.attemptId, questionId: typedId, scope: "student" }), "FORBIDDEN");
    await expectAppError(acceptAnswer(db, await makeUser("teacher", "别人"), { attemptId: t1.attemptId, questionId: typedId, scope: "student" }), "NOT_FOUND");
    await acceptAnswer(db, teacher, { attemptId: t1.attemptId, questionId: typedId, scope: "student" });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t1.attemptId } })).score).toBe(1);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t2.attemptId } })).score).toBeCloseTo(3 / 4);

    // For everyone: s2's matching answer (spelt with other spaces and width) is regraded, and s3,
    // answering later, is graded with it.
    await db.attemptAnswer.update({ where: { attemptId_questionId: { attemptId: t2.attemptId, questionId: typedId } }, data: { response: JSON.stringify(" 另一种说法 ") } });
    const { regraded } = await acceptAnswer(db, teacher, { attemptId: t1.attemptId, questionId: typedId, scope: "everyone" });
    expect(regraded).toBe(1);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: t2.attemptId } })).score).toBe(1);
    const t3 = await takeAttempt(s3, a, plus(TUESDAY, 2 * HOUR), () => false, other);
    expect(t3.score).toBe(1);
    const report = await getAssignmentReport(db, teacher, classId, a.id, plus(TUESDAY, 3 * HOUR));
    expect(report.summary.meanScore).toBe(1);
  });
});
