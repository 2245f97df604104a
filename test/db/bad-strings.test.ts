import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeNameInput, signUpInput } from "@/lib/features/account/schema";
import { createUser, updateName } from "@/lib/features/account/mutations";
import { createAssignment, publishAssignment, saveAnswer, startAttempt, updateAssignment } from "@/lib/features/assignments/mutations";
import { createClass } from "@/lib/features/classes/mutations";
import { getStudyQueue } from "@/lib/features/study/data";
import { recordReview, saveSettings } from "@/lib/features/study/mutations";
import { queueQuery, reviewInput } from "@/lib/features/study/schema";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import { BAD_STRINGS } from "../fixtures/bad-strings";
import { testDb, unique } from "./db";
import { at, cid, questionsOfDistinctFacts, settingsInput } from "./study-fixtures";

// The bad-input corpus's strings through the real schemas and mutations, on both engines: the
// e2e corpus runs on SQLite only, where a NUL is stored; PostgreSQL answered it with an error (500).
const db = testDb();
afterAll(() => db.$disconnect());

const NOW = at("2026-03-03T02:00:00Z");
let teacher: SessionUser;
let student: SessionUser;
let classId: string;
let draftId: string;
let attemptId: string;
let questionId: string;

async function makeUser(role: "student" | "teacher"): Promise<SessionUser> {
  const email = `${unique(role)}@example.com`;
  const user = await db.user.create({ data: { email, name: "原名", role, passwordHash: "not-a-hash" } });
  return { id: user.id as UserId, name: user.name, email, role };
}

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: "测验",
  pack: "yrd",
  topics: [],
  forms: ["mc", "tf"],
  questionMode: "count",
  questionCount: "3",
  opensAt: "2026-03-02T08:00",
  dueAt: "2026-03-06T23:59",
  timeZone: "Asia/Shanghai",
  attemptsAllowed: "1",
  timeLimitMinutes: "",
  masteryGoal: "",
  feedback: "each",
  ...overrides,
});

/** Every row these personas own or see, to show a refusal wrote nothing. */
async function snapshot(): Promise<string> {
  const ids = [teacher.id, student.id];
  return JSON.stringify(
    await Promise.all([
      db.user.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
      db.class.findMany({ where: { teacherId: teacher.id }, orderBy: { id: "asc" } }),
      db.assignment.findMany({ where: { classId }, orderBy: { id: "asc" } }),
      db.learnerSettings.findMany({ where: { userId: student.id } }),
      db.reviewLog.findMany({ where: { userId: student.id }, orderBy: { id: "asc" } }),
      db.card.findMany({ where: { userId: student.id }, orderBy: { id: "asc" } }),
      db.attemptAnswer.findMany({ where: { attemptId }, orderBy: { questionId: "asc" } }),
    ]),
  );
}

async function expectInvalid(run: () => Promise<unknown>) {
  // Promise.resolve().then: a schema refusal is thrown before the mutation's promise exists.
  const error = await Promise.resolve().then(run).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "accepted").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("INVALID_INPUT");
}

beforeAll(async () => {
  teacher = await makeUser("teacher");
  student = await makeUser("student");
  classId = (await createClass(db, teacher, { name: "班" }, NOW)).id;
  await db.classMember.create({ data: { classId, userId: student.id } });
  draftId = (await createAssignment(db, teacher, classId, draft())).id;
  const published = await createAssignment(db, teacher, classId, draft({ title: "已发布" }));
  const view = await publishAssignment(db, teacher, published.id, undefined, NOW);
  questionId = view.questionIds[0]!;
  attemptId = (await startAttempt(db, student.id, published.id, NOW)).attemptId;
});

// Each entry: the input as the action or route handler receives it, through what it calls.
const inputs: [string, (bad: string) => Promise<unknown>][] = [
  ["sign-up name", (bad) => createUser(db, parseInput(signUpInput, { email: `${unique("bad")}@example.com`, name: bad, password: "long enough 1", role: "student" }))],
  ["sign-up password", (bad) => createUser(db, parseInput(signUpInput, { email: `${unique("bad")}@example.com`, name: "名", password: `long enough ${bad}`, role: "student" }))],
  ["display name", async (bad) => updateName(db, student.id, parseInput(changeNameInput, { name: bad }).name)],
  ["class name", (bad) => createClass(db, teacher, { name: bad }, NOW)],
  ["assignment title", (bad) => createAssignment(db, teacher, classId, draft({ title: bad }))],
  ["assignment topic", (bad) => createAssignment(db, teacher, classId, draft({ topics: [bad] }))],
  ["assignment time zone", (bad) => updateAssignment(db, teacher, draftId, draft({ timeZone: bad }))],
  ["edited title", (bad) => updateAssignment(db, teacher, draftId, draft({ title: `改${bad}` }))],
  ["settings time zone", (bad) => saveSettings(db, student.id, settingsInput({ timeZone: bad }))],
  ["settings exam date", (bad) => saveSettings(db, student.id, { ...settingsInput(), examDate: `2026-06-0${bad}` })],
  ["queue topic", (bad) => getStudyQueue(db, student.id, parseInput(queueQuery, { pack: "yrd", topic: bad }), NOW, "zh-CN")],
  ["queue pack", (bad) => getStudyQueue(db, student.id, parseInput(queueQuery, { pack: bad }), NOW, "zh-CN")],
  ["review answer", (bad) => recordReview(db, student.id, parseInput(reviewInput, { clientId: cid(), questionId: questionsOfDistinctFacts(1, (q) => q.form === "typed")[0]!.id, response: bad }), NOW)],
  ["assignment answer", (bad) => saveAnswer(db, student.id, { attemptId, questionId, response: [bad] }, NOW)],
];

describe(`bad strings on ${db.$engine}`, () => {
  it.each(inputs)("%s: every corpus string is refused as INVALID_INPUT and writes nothing", async (_, send) => {
    const before = await snapshot();
    for (const bad of BAD_STRINGS) await expectInvalid(() => send(bad));
    expect(await snapshot()).toBe(before);
  });

  it("takes the same fields without those characters (the refusals above are the characters')", async () => {
    await updateName(db, student.id, parseInput(changeNameInput, { name: " 小明 😀 " }).name);
    await createClass(db, teacher, { name: "高一(3)班 عربي" }, NOW);
    await getStudyQueue(db, student.id, parseInput(queueQuery, { pack: "yrd", topic: "发展历史" }), NOW, "zh-CN");
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).name).toBe("小明 😀");
  });
});
