import { afterAll, describe, expect, it } from "vitest";
import { getStudentClass, getTeacherClass, listClassesOfStudent, listClassesOfTeacher, previewJoin, rosterOf } from "@/lib/features/classes/data";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, randomJoinCode } from "@/lib/features/classes/join-code";
import { countJoinAttempt, JOIN_ATTEMPTS } from "@/lib/features/classes/join-limit";
import { createClass, joinClass, regenerateJoinCode, removeStudent, setClassArchived } from "@/lib/features/classes/mutations";
import type { Role } from "@/lib/core/roles";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { testDb, unique } from "./db";

const db = testDb();
afterAll(() => db.$disconnect());

const T0 = new Date("2026-09-01T01:30:00Z");
const T1 = new Date("2026-09-02T01:30:00Z");
const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A user inserted directly (no bcrypt: these tests never sign in), as the session sees them. */
async function makeUser(role: Role, name = role === "teacher" ? "李老师" : "王同学"): Promise<SessionUser> {
  const email = `${unique(role)}@example.com`;
  const row = await db.user.create({ data: { email, name, role, passwordHash: "not-a-hash" } });
  return { id: row.id as UserId, name, email, role };
}

async function expectAppError(promise: Promise<unknown>, code: string, fields?: Record<string, string>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fields) expect((error as AppError).fields).toEqual(fields);
}

/** A code generator that hands out the given codes first. */
function codes(...given: string[]) {
  return () => given.shift() ?? randomJoinCode();
}

async function classWithStudent() {
  const teacher = await makeUser("teacher");
  const student = await makeUser("student");
  const cls = await createClass(db, teacher, { name: "高一（3）班" }, T0);
  await joinClass(db, student, cls.joinCode, T1);
  return { teacher, student, cls };
}

describe(`classes on ${db.$engine}`, () => {
  it("creates a class with a six-character code of the unambiguous alphabet", async () => {
    const teacher = await makeUser("teacher");
    const cls = await createClass(db, teacher, { name: "  地理 A 班 " }, T0);
    expect(cls.name).toBe("地理 A 班");
    expect(cls.joinCode).toMatch(codePattern);
    expect(cls.createdAt).toEqual(T0);
    expect(await listClassesOfTeacher(db, teacher)).toEqual([
      { id: cls.id, name: "地理 A 班", joinCode: cls.joinCode, archived: false, createdAt: T0, memberCount: 0 },
    ]);
  });

  it("gives every class its own code", async () => {
    const teacher = await makeUser("teacher");
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => createClass(db, teacher, { name: `班 ${i}` }, T0)));
    expect(new Set(made.map((c) => c.joinCode)).size).toBe(20);
  });

  it("retries a code that is taken, and gives up after many collisions", async () => {
    const teacher = await makeUser("teacher");
    const first = await createClass(db, teacher, { name: "一班" }, T0);
    const second = await createClass(db, teacher, { name: "二班" }, T0, codes(first.joinCode, first.joinCode, "WXYZ23"));
    expect(second.joinCode).toBe("WXYZ23");
    await expectAppError(createClass(db, teacher, { name: "三班" }, T0, () => first.joinCode), "CONFLICT");
    await expectAppError(regenerateJoinCode(db, teacher, second.id, () => first.joinCode), "CONFLICT");
    expect((await db.class.findUniqueOrThrow({ where: { id: second.id } })).joinCode).toBe("WXYZ23");
  });

  it("refuses an empty or overlong name, and a student creating a class", async () => {
    const teacher = await makeUser("teacher");
    await expectAppError(createClass(db, teacher, { name: "   " }, T0), "INVALID_INPUT");
    await expectAppError(createClass(db, teacher, { name: "班".repeat(61) }, T0), "INVALID_INPUT");
    await expectAppError(createClass(db, await makeUser("student"), { name: "班" }, T0), "FORBIDDEN");
  });

  it("joins by code in any case, with spaces or a dash, and shows the student in the roster", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser("student", "张三");
    const cls = await createClass(db, teacher, { name: "一班" }, T0);
    const typed = `${cls.joinCode.slice(0, 3).toLowerCase()}-${cls.joinCode.slice(3).toLowerCase()} `;
    expect(await joinClass(db, student, typed, T1)).toEqual({ classId: cls.id, alreadyMember: false });
    expect(await rosterOf(db, teacher, cls.id)).toEqual([{ userId: student.id, name: "张三", email: student.email, joinedAt: T1 }]);
    expect((await listClassesOfTeacher(db, teacher))[0]?.memberCount).toBe(1);
    expect(await getStudentClass(db, student.id, cls.id)).toEqual({ id: cls.id, name: "一班", teacherName: "李老师", archived: false, joinedAt: T1 });
  });

  it("sorts the roster by name", async () => {
    const teacher = await makeUser("teacher");
    const cls = await createClass(db, teacher, { name: "一班" }, T0);
    for (const name of ["周七", "安娜", "李四"]) await joinClass(db, await makeUser("student", name), cls.joinCode, T1);
    expect((await rosterOf(db, teacher, cls.id)).map((m) => m.name)).toEqual(["安娜", "李四", "周七"]);
  });

  it("takes a second join, also two at once, as harmless", async () => {
    const { student, cls } = await classWithStudent();
    expect(await joinClass(db, student, cls.joinCode, T1)).toEqual({ classId: cls.id, alreadyMember: true });
    const other = await makeUser("student");
    const both = await Promise.all([joinClass(db, other, cls.joinCode, T1), joinClass(db, other, cls.joinCode, T1)]);
    expect(both.map((r) => r.alreadyMember).sort()).toEqual([false, true]);
    expect(await db.classMember.count({ where: { classId: cls.id } })).toBe(2);
  });

  it("lets a student be in several classes", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser("student");
    const a = await createClass(db, teacher, { name: "甲班" }, T0);
    const b = await createClass(db, await makeUser("teacher", "陈老师"), { name: "乙班" }, T0);
    await joinClass(db, student, a.joinCode, T0);
    await joinClass(db, student, b.joinCode, T1);
    expect(await listClassesOfStudent(db, student.id)).toEqual([
      { id: b.id, name: "乙班", teacherName: "陈老师", archived: false, joinedAt: T1 },
      { id: a.id, name: "甲班", teacherName: "李老师", archived: false, joinedAt: T0 },
    ]);
  });

  it("refuses joining an archived class, and takes members again once unarchived", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser("student");
    const cls = await createClass(db, teacher, { name: "旧班" }, T0);
    await createClass(db, teacher, { name: "新班" }, T1);
    await setClassArchived(db, teacher, cls.id, true);
    await expectAppError(joinClass(db, student, cls.joinCode, T1), "CONFLICT", { code: "classes.join.archived" });
    expect(await previewJoin(db, student.id, cls.joinCode, T1)).toMatchObject({ archived: true, alreadyMember: false });
    expect((await listClassesOfTeacher(db, teacher)).map((c) => [c.name, c.archived])).toEqual([
      ["新班", false],
      ["旧班", true],
    ]);
    await setClassArchived(db, teacher, cls.id, false);
    expect(await joinClass(db, student, cls.joinCode, T1)).toMatchObject({ alreadyMember: false });
  });

  it("refuses teachers as students, unknown codes and what cannot be a code", async () => {
    const { cls } = await classWithStudent();
    await expectAppError(joinClass(db, await makeUser("teacher"), cls.joinCode, T1), "FORBIDDEN");
    const student = await makeUser("student");
    const unknown = cls.joinCode === "222222" ? "333333" : "222222";
    await expectAppError(joinClass(db, student, unknown, T1), "NOT_FOUND", { code: "classes.join.codeUnknown" });
    await expectAppError(joinClass(db, student, "ABC10O", T1), "INVALID_INPUT", { code: "classes.join.codeFormat" });
    await expectAppError(joinClass(db, student, "", T1), "INVALID_INPUT");
    expect(await previewJoin(db, student.id, "nonsense", T1)).toBeNull();
    expect(await listClassesOfStudent(db, student.id)).toEqual([]);
  });

  it("shows a join link's class, and whether the student is in it already", async () => {
    const { student, cls } = await classWithStudent();
    expect(await previewJoin(db, student.id, cls.joinCode.toLowerCase(), T1)).toEqual({
      classId: cls.id,
      joinCode: cls.joinCode,
      name: "高一（3）班",
      teacherName: "李老师",
      archived: false,
      alreadyMember: true,
    });
    expect(await previewJoin(db, (await makeUser("student")).id, cls.joinCode, T1)).toMatchObject({ alreadyMember: false });
  });

  it("counts each join-link preview in the join limit, teachers' too, and joins in the same count", async () => {
    const { cls } = await classWithStudent();
    const unknown = cls.joinCode === "222222" ? "333333" : "222222";
    const student = await makeUser("student");
    for (let i = 0; i < JOIN_ATTEMPTS.limit; i++) await previewJoin(db, student.id, i % 2 ? cls.joinCode : unknown, T1);
    expect(await previewJoin(db, student.id, "not a code", T1)).toBeNull(); // says nothing, not counted
    // Past the limit neither a preview nor a join says whether a code exists.
    await expectAppError(previewJoin(db, student.id, cls.joinCode, T1), "RATE_LIMITED");
    await expectAppError(previewJoin(db, student.id, unknown, T1), "RATE_LIMITED");
    await expectAppError(countJoinAttempt(db, student.id, T1), "RATE_LIMITED");
    // The other way round: joins spend what previews could use.
    const other = await makeUser("student");
    for (let i = 0; i < JOIN_ATTEMPTS.limit; i++) await countJoinAttempt(db, other.id, T1);
    await expectAppError(previewJoin(db, other.id, cls.joinCode, T1), "RATE_LIMITED");
    const teacher = await makeUser("teacher");
    for (let i = 0; i < JOIN_ATTEMPTS.limit; i++) await previewJoin(db, teacher.id, unknown, T1);
    await expectAppError(previewJoin(db, teacher.id, cls.joinCode, T1), "RATE_LIMITED");
    // A new window starts afresh.
    expect(await previewJoin(db, student.id, cls.joinCode, new Date(T1.getTime() + JOIN_ATTEMPTS.windowMs + 1000))).toMatchObject({ classId: cls.id });
  });

  it("removes a student, who then no longer sees the class", async () => {
    const { teacher, student, cls } = await classWithStudent();
    await removeStudent(db, teacher, cls.id, student.id);
    expect(await rosterOf(db, teacher, cls.id)).toEqual([]);
    expect(await listClassesOfStudent(db, student.id)).toEqual([]);
    await expectAppError(getStudentClass(db, student.id, cls.id), "NOT_FOUND");
    await expectAppError(removeStudent(db, teacher, cls.id, student.id), "NOT_FOUND");
  });

  it("regenerates the code: the old one stops working, the new one works", async () => {
    const { teacher, cls } = await classWithStudent();
    const fresh = await regenerateJoinCode(db, teacher, cls.id);
    expect(fresh).toMatch(codePattern);
    expect(fresh).not.toBe(cls.joinCode);
    const student = await makeUser("student");
    await expectAppError(joinClass(db, student, cls.joinCode, T1), "NOT_FOUND");
    expect(await previewJoin(db, student.id, cls.joinCode, T1)).toBeNull();
    expect(await joinClass(db, student, fresh, T1)).toEqual({ classId: cls.id, alreadyMember: false });
    expect((await getTeacherClass(db, teacher, cls.id)).roster).toHaveLength(2);
  });

  it("answers another teacher NOT_FOUND on every read and action of the class", async () => {
    const { student, cls } = await classWithStudent();
    const other = await makeUser("teacher");
    await expectAppError(getTeacherClass(db, other, cls.id), "NOT_FOUND");
    await expectAppError(rosterOf(db, other, cls.id), "NOT_FOUND");
    await expectAppError(regenerateJoinCode(db, other, cls.id), "NOT_FOUND");
    await expectAppError(setClassArchived(db, other, cls.id, true), "NOT_FOUND");
    await expectAppError(removeStudent(db, other, cls.id, student.id), "NOT_FOUND");
    await expectAppError(getStudentClass(db, other.id, cls.id), "NOT_FOUND");
    expect(await listClassesOfTeacher(db, other)).toEqual([]);
    // Nothing changed.
    const after = await db.class.findUniqueOrThrow({ where: { id: cls.id } });
    expect([after.joinCode, after.archived]).toEqual([cls.joinCode, false]);
    expect(await db.classMember.count({ where: { classId: cls.id } })).toBe(1);
  });

  it("answers a student FORBIDDEN on teacher actions, also in their own class", async () => {
    const { student, cls } = await classWithStudent();
    await expectAppError(listClassesOfTeacher(db, student), "FORBIDDEN");
    await expectAppError(getTeacherClass(db, student, cls.id), "FORBIDDEN");
    await expectAppError(rosterOf(db, student, cls.id), "FORBIDDEN");
    await expectAppError(regenerateJoinCode(db, student, cls.id), "FORBIDDEN");
    await expectAppError(setClassArchived(db, student, cls.id, true), "FORBIDDEN");
    await expectAppError(removeStudent(db, student, cls.id, student.id), "FORBIDDEN");
  });

  it("answers a student who is not a member NOT_FOUND on the class", async () => {
    const { cls } = await classWithStudent();
    const outsider = await makeUser("student");
    await expectAppError(getStudentClass(db, outsider.id, cls.id), "NOT_FOUND");
    await expectAppError(getStudentClass(db, outsider.id, "no-such-class"), "NOT_FOUND");
  });
});
