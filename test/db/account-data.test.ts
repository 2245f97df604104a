import { afterAll, describe, expect, it } from "vitest";
import { exportAccountData } from "@/lib/features/account/data";
import { createUser, deleteAccount } from "@/lib/features/account/mutations";
import { recordReview, saveSettings } from "@/lib/features/study/mutations";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { checkCredentials } from "@/lib/server/auth/options";
import { AppError } from "@/lib/server/errors";
import { allowHit, joinKey, purgeExpiredLimits } from "@/lib/server/rate-limit";
import { testDb, unique } from "./db";
import { at, cid, plus, questionsOfDistinctFacts, rightAnswer, settingsInput } from "./study-fixtures";

// "Download my data" and "delete my account" (lib/features/account) on both databases.

const db = testDb();
afterAll(() => db.$disconnect());

const T0 = at("2026-03-02T02:00:00Z");
const PASSWORD = "correct horse";

async function account(role: "student" | "teacher") {
  const user = await createUser(db, { email: `${unique(role)}@example.com`, name: role === "teacher" ? "王老师" : "李同学", password: PASSWORD, role });
  return user.id as UserId;
}

/** A student who studied, set settings, joined a class and submitted an attempt. */
async function activeStudent(classId: string, assignmentId: string) {
  const id = await account("student");
  await saveSettings(db, id, settingsInput({ newPerDay: 15 }));
  const [qa, qb] = questionsOfDistinctFacts(2);
  await recordReview(db, id, { clientId: cid(), questionId: qa!.id, response: rightAnswer(qa!), durationMs: 4000 }, T0);
  await recordReview(db, id, { clientId: cid(), questionId: qb!.id, rating: 1, durationMs: 2000 }, plus(T0, 60_000));
  await db.classMember.create({ data: { classId, userId: id } });
  const attempt = await db.attempt.create({ data: { assignmentId, userId: id, number: 1, startedAt: T0, submittedAt: plus(T0, 600_000), score: 1 } });
  await db.attemptAnswer.create({ data: { attemptId: attempt.id, questionId: qa!.id, response: JSON.stringify(rightAnswer(qa!)), correct: true, score: 1, answeredAt: plus(T0, 30_000) } });
  await db.assignmentExtension.create({ data: { assignmentId, userId: id, extraMinutes: 10 } });
  return id;
}

async function classWithAssignment(teacherId: UserId) {
  const klass = await db.class.create({ data: { teacherId, name: "高一（3）班", joinCode: unique("J").slice(-12) } });
  const assignment = await db.assignment.create({
    data: { classId: klass.id, title: "第一单元", pack: "yrd", topics: "[]", forms: "[]", questionIds: "[]", opensAt: T0, dueAt: plus(T0, 86_400_000), timeZone: "Asia/Shanghai", publishedAt: T0 },
  });
  return { classId: klass.id, assignmentId: assignment.id };
}

/** Rows of every table that belong to the user. */
async function rowsOf(database: Db, userId: string) {
  const [users, settings, cards, reviews, memberships, attempts, extensions, classes] = await Promise.all([
    database.user.count({ where: { id: userId } }),
    database.learnerSettings.count({ where: { userId } }),
    database.card.count({ where: { userId } }),
    database.reviewLog.count({ where: { userId } }),
    database.classMember.count({ where: { userId } }),
    database.attempt.count({ where: { userId } }),
    database.assignmentExtension.count({ where: { userId } }),
    database.class.count({ where: { teacherId: userId } }),
  ]);
  return { users, settings, cards, reviews, memberships, attempts, extensions, classes };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe(`account data on ${db.$engine}`, () => {
  it("withholds the bank ids of an unfinished assignment's questions, keeping each answer's item", async () => {
    const teacher = await account("teacher");
    const { classId } = await classWithAssignment(teacher);
    const [qa, qb] = questionsOfDistinctFacts(2, () => true, 7);
    const pending = await db.assignment.create({
      data: { classId, title: "第二单元", pack: "yrd", topics: "[]", forms: "[]", questionIds: JSON.stringify([qb!.id, qa!.id]), opensAt: T0, dueAt: plus(T0, 86_400_000), timeZone: "Asia/Shanghai", attemptsAllowed: 2, publishedAt: T0 },
    });
    const student = await account("student");
    await db.classMember.create({ data: { classId, userId: student } });
    const attempt = await db.attempt.create({ data: { assignmentId: pending.id, userId: student, number: 1, startedAt: T0 } });
    await db.attemptAnswer.create({ data: { attemptId: attempt.id, questionId: qa!.id, response: JSON.stringify(rightAnswer(qa!)), correct: true, score: 1, answeredAt: T0 } });
    await recordReview(db, student, { clientId: `attempt-${attempt.id}-${qa!.id}`, questionId: qa!.id, response: rightAnswer(qa!), durationMs: 1000 }, T0);

    const data = await exportAccountData(db, student, T0);
    const text = JSON.stringify(data);
    expect(text).not.toContain(qa!.id);
    expect(text).not.toContain(qb!.id);
    expect(data.attempts[0]?.answers).toMatchObject([{ questionId: null, item: 1, correct: true }]);
    expect(data.reviews).toMatchObject([{ questionId: null, kind: "review" }]);

    // Handed in with no attempt left (the default is one): the ids are the student's to see.
    await db.assignment.update({ where: { id: pending.id }, data: { attemptsAllowed: 1 } });
    await db.attempt.update({ where: { id: attempt.id }, data: { submittedAt: T0, score: 0.5 } });
    expect((await exportAccountData(db, student, T0)).attempts[0]?.answers).toMatchObject([{ questionId: qa!.id, item: 1 }]);
  });

  it("exports everything stored about the user, without the password hash or other people's data", async () => {
    const teacher = await account("teacher");
    const { classId, assignmentId } = await classWithAssignment(teacher);
    const student = await activeStudent(classId, assignmentId);
    const classmate = await activeStudent(classId, assignmentId);

    const data = await exportAccountData(db, student, T0);
    const text = JSON.stringify(data);
    const stored = await db.user.findUniqueOrThrow({ where: { id: student } });
    expect(text).not.toContain(stored.passwordHash);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain(classmate);
    expect(data.profile).toMatchObject({ id: student, email: stored.email, role: "student" });
    expect(data.settings).toMatchObject({ newPerDay: 15 });
    expect(data.cards).toHaveLength(2);
    expect(data.reviews).toHaveLength(2);
    expect(data.reviews.map((r) => r.rating).sort()).toEqual([1, 3]);
    expect(data.classMemberships).toEqual([{ classId, className: "高一（3）班", teacher: "王老师", joinedAt: expect.any(Date) }]);
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ assignmentId, assignmentTitle: "第一单元", className: "高一（3）班", score: 1 });
    expect(data.attempts[0]!.answers).toHaveLength(1);
    expect(data.assignmentExtensions).toEqual([expect.objectContaining({ assignmentId, extraMinutes: 10 })]);

    const teacherData = await exportAccountData(db, teacher, T0);
    expect(teacherData.classesTaught).toEqual([expect.objectContaining({ id: classId, students: 2, assignments: 1, archived: false })]);
    expect(JSON.stringify(teacherData)).not.toContain(student);
    await expectAppError(exportAccountData(db, "nobody" as UserId, T0), "NOT_FOUND");
  });

  it("deletes a student and all their rows after the password, leaving everyone else", async () => {
    const teacher = await account("teacher");
    const { classId, assignmentId } = await classWithAssignment(teacher);
    const student = await activeStudent(classId, assignmentId);
    const classmate = await activeStudent(classId, assignmentId);
    const before = await rowsOf(db, classmate);

    await expectAppError(deleteAccount(db, student, "wrong password"), "INVALID_INPUT");
    expect((await rowsOf(db, student)).users).toBe(1);

    await deleteAccount(db, student, PASSWORD);
    expect(await rowsOf(db, student)).toEqual({ users: 0, settings: 0, cards: 0, reviews: 0, memberships: 0, attempts: 0, extensions: 0, classes: 0 });
    expect(await rowsOf(db, classmate)).toEqual(before);
    expect(await db.class.count({ where: { id: classId } })).toBe(1);
    await expectAppError(deleteAccount(db, student, PASSWORD), "NOT_FOUND");
  });

  it("leaves no rate-limit counter naming the deleted account (its email or id), and only its own go", async () => {
    const email = `${unique("limited")}@example.com`;
    const id = (await createUser(db, { email, name: "限流", password: PASSWORD, role: "student" })).id as UserId;
    const other = `${unique("stays")}@example.com`;
    const ip = unique("ip");
    // Failed sign-ins (counted per account and address) and a join attempt, as the app makes them.
    for (const who of [email, other]) expect(await checkCredentials(db, { email: who, password: "wrong password" }, ip)).toBeNull();
    await allowHit(db, joinKey(id), { limit: 10, windowMs: 60_000 }, new Date());
    const naming = () => db.rateLimit.count({ where: { OR: [{ key: { contains: email } }, { key: { contains: id } }] } });
    expect(await naming()).toBe(2);

    await deleteAccount(db, id, PASSWORD);
    expect(await naming()).toBe(0);
    expect(await db.user.count({ where: { email } })).toBe(0);
    // Another account's counter and the address's stay.
    expect(await db.rateLimit.count({ where: { key: { in: [`signin:account:${other}`, `signin:ip:${ip}`] } } })).toBe(2);
  });

  it("purges counters whose window ended over a day ago, keeping the rest", async () => {
    // Long ago: the other files' counters (2026 and now) share this database and must stay.
    const now = at("2000-01-03T01:00:00Z");
    const [old, recent, open] = [unique("old"), unique("recent"), unique("open")];
    const rule = (windowMs: number) => ({ limit: 5, windowMs });
    await allowHit(db, old, rule(60_000), new Date(now.getTime() - 2 * 86_400_000));
    await allowHit(db, recent, rule(60_000), new Date(now.getTime() - 3_600_000));
    await allowHit(db, open, rule(60_000), now);
    await purgeExpiredLimits(db, now);
    const left = await db.rateLimit.findMany({ where: { key: { in: [old, recent, open] } }, select: { key: true } });
    expect(left.map((r) => r.key).sort()).toEqual([recent, open].sort());
  });

  it("refuses a teacher with classes still running; once archived, the classes go with the account", async () => {
    const teacher = await account("teacher");
    const { classId, assignmentId } = await classWithAssignment(teacher);
    const student = await activeStudent(classId, assignmentId);
    const other = await account("teacher");
    const kept = await classWithAssignment(other);

    await expectAppError(deleteAccount(db, teacher, PASSWORD), "CONFLICT");
    expect((await rowsOf(db, teacher)).users).toBe(1);

    await db.class.update({ where: { id: classId }, data: { archived: true } });
    await deleteAccount(db, teacher, PASSWORD);
    expect(await rowsOf(db, teacher)).toMatchObject({ users: 0, classes: 0 });
    expect(await db.assignment.count({ where: { classId } })).toBe(0);
    // The student stays, with their own study data; the archived class's attempts went with it.
    expect(await rowsOf(db, student)).toMatchObject({ users: 1, settings: 1, cards: 2, reviews: 2, memberships: 0, attempts: 0 });
    expect(await db.class.count({ where: { id: kept.classId } })).toBe(1);
  });
});
