import { afterAll, describe, expect, it } from "vitest";
import { checkCredentials, RATE_LIMITED } from "@/lib/server/auth/options";
import { allowHit, clientIp, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP } from "@/lib/server/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import type { UserId } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { createUser, ensureDemoAccounts, ensureDemoClass, updateName, updatePassword } from "@/lib/features/account/mutations";
import { listStudentAssignments } from "@/lib/features/assignments/data";
import { startAttempt } from "@/lib/features/assignments/mutations";
import { setClassArchived } from "@/lib/features/classes/mutations";
import { testDb, unique } from "./db";

const db = testDb();
afterAll(() => db.$disconnect());

const newAccount = () => ({ email: `${unique("u")}@example.com`, name: "测试用户", password: "correct horse", role: "student" as const });

describe(`accounts on ${db.$engine}`, () => {
  it("creates a user with a bcrypt hash, never the password", async () => {
    const input = newAccount();
    const user = await createUser(db, input);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$1[1-9]\$/);
    expect(stored.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(input.password, stored.passwordHash)).toBe(true);
  });

  it("refuses a second account with the same email, also when two arrive at once, with one answer", async () => {
    const input = newAccount();
    const results = await Promise.allSettled([createUser(db, input), createUser(db, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    const raced = (rejected as PromiseRejectedResult).reason as AppError;
    expect(raced).toBeInstanceOf(AppError);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
    // Found taken before or during the insert: the same code and field key, which do not say "taken".
    const later = (await createUser(db, { ...input, name: "另一个", password: "other password" }).then(
      () => null,
      (e: unknown) => e,
    )) as AppError;
    const answer = { code: "CONFLICT", fields: { email: "errors.emailUnavailable" } };
    expect({ code: raced.code, fields: raced.fields }).toEqual(answer);
    expect({ code: later.code, fields: later.fields }).toEqual(answer);
  });

  it("spends a bcrypt hash on a taken email too, so the refusal takes as long as a sign-up", async () => {
    const input = newAccount();
    await createUser(db, input);
    // Loose on purpose: the refusal must cost at least half a hash (it cost a lookup, ~1 ms, before).
    const time = async (run: () => Promise<unknown>) => {
      const start = performance.now();
      await run().catch(() => undefined);
      return performance.now() - start;
    };
    const refusals: number[] = [];
    const hashes: number[] = [];
    for (let i = 0; i < 3; i++) {
      refusals.push(await time(() => createUser(db, input)));
      hashes.push(await time(() => hashPassword(input.password)));
    }
    expect(Math.min(...refusals)).toBeGreaterThan(Math.min(...hashes) / 2);
  });

  it("changes the display name and the password, checking the current one", async () => {
    const input = newAccount();
    const user = await createUser(db, input);
    const id = user.id as UserId;
    await updateName(db, id, "新名字");
    await expect(updatePassword(db, id, "wrong password", "another secret")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await checkCredentials(db, { email: input.email, password: input.password })).toMatchObject({ sessionVersion: 0 });
    // The new session version ends sessions signed in with the old one; a refused change kept it.
    expect(await updatePassword(db, id, input.password, "another secret")).toBe(1);
    const stored = await db.user.findUniqueOrThrow({ where: { id } });
    expect(stored.sessionVersion).toBe(1);
    expect(await checkCredentials(db, { email: input.email, password: "another secret" })).toMatchObject({ sessionVersion: 1 });
    expect(stored.name).toBe("新名字");
    expect(await verifyPassword("another secret", stored.passwordHash)).toBe(true);
    expect(await verifyPassword(input.password, stored.passwordHash)).toBe(false);
  });

  it("answers a wrong email and a wrong password alike", async () => {
    const input = newAccount();
    await createUser(db, input);
    expect(await checkCredentials(db, { email: input.email.toUpperCase(), password: input.password })).toMatchObject({ role: "student" });
    expect(await checkCredentials(db, { email: input.email, password: "wrong password" })).toBeNull();
    expect(await checkCredentials(db, { email: "nobody@example.com", password: input.password })).toBeNull();
    expect(await checkCredentials(db, { email: "not an email", password: "" })).toBeNull();
  });

  it("limits sign-in attempts per account, in the database", async () => {
    const input = newAccount();
    await createUser(db, input);
    const now = new Date("2026-03-01T10:00:00Z");
    const ip = unique("ip");
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++) {
      expect(await checkCredentials(db, { email: input.email, password: "wrong" }, ip, now)).toBeNull();
    }
    await expect(checkCredentials(db, { email: input.email, password: input.password }, ip, now)).rejects.toThrow(RATE_LIMITED);
    const later = new Date(now.getTime() + SIGN_IN_PER_ACCOUNT.windowMs + 1000);
    expect(await checkCredentials(db, { email: input.email, password: input.password }, ip, later)).toMatchObject({ email: input.email });
  });

  it("counts only failed sign-ins: a teacher signing in on every classroom device is not locked out", async () => {
    const input = newAccount();
    await createUser(db, input);
    const now = new Date("2026-03-01T10:00:00Z");
    const ip = unique("ip");
    for (let i = 0; i <= SIGN_IN_PER_ACCOUNT.limit; i++) {
      expect(await checkCredentials(db, { email: input.email, password: input.password }, ip, now)).toMatchObject({ email: input.email });
    }
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++) {
      expect(await checkCredentials(db, { email: input.email, password: "wrong" }, ip, now)).toBeNull();
    }
    await expect(checkCredentials(db, { email: input.email, password: input.password }, ip, now)).rejects.toThrow(RATE_LIMITED);
  });

  it("keeps an address's sign-in limit whatever X-Forwarded-For the client sends", async () => {
    const input = newAccount();
    await createUser(db, input);
    const now = new Date("2026-03-01T10:00:00Z");
    // The address has used its budget: the server appended it as the last hop after the client's.
    const socket = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    await db.rateLimit.upsert({
      where: { key: `signin:ip:${socket}` },
      create: { key: `signin:ip:${socket}`, count: SIGN_IN_PER_IP.limit, resetAt: new Date(now.getTime() + SIGN_IN_PER_IP.windowMs) },
      update: { count: SIGN_IN_PER_IP.limit, resetAt: new Date(now.getTime() + SIGN_IN_PER_IP.windowMs) },
    });
    for (const spoof of ["203.0.113.9", `${unique("x")}, 203.0.113.10`, "unknown"]) {
      const ip = clientIp(new Headers({ "x-forwarded-for": `${spoof}, ${socket}` }), 0);
      await expect(checkCredentials(db, { email: input.email, password: input.password }, ip, now), spoof).rejects.toThrow(RATE_LIMITED);
    }
    expect(await db.rateLimit.count({ where: { key: { startsWith: "signin:ip:203.0.113." } } })).toBe(0);
  });

  it("counts concurrent hits exactly", async () => {
    const key = unique("key");
    const now = new Date("2026-03-01T10:00:00Z");
    const rule = { limit: 5, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 8 }, () => allowHit(db, key, rule, now)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it("seeds demo accounts once", async () => {
    const demo = [{ ...newAccount(), role: "teacher" as const }];
    await ensureDemoAccounts(db, demo);
    await ensureDemoAccounts(db, demo);
    expect(await db.user.count({ where: { email: demo[0]!.email } })).toBe(1);
  });

  it("gives the demo teacher one class with the demo student and an open quiz, once", async () => {
    const demo = [
      { ...newAccount(), name: "演示老师", role: "teacher" as const },
      { ...newAccount(), name: "演示学生", role: "student" as const },
    ];
    const now = new Date("2026-03-01T10:00:30Z");
    await ensureDemoAccounts(db, demo);
    const made = await ensureDemoClass(db, demo, now);
    expect(made).not.toBeNull();
    const teacher = await db.user.findUniqueOrThrow({ where: { email: demo[0]!.email } });
    const student = await db.user.findUniqueOrThrow({ where: { email: demo[1]!.email } });
    const klass = await db.class.findFirstOrThrow({ where: { teacherId: teacher.id }, include: { members: true } });
    expect(klass.members.map((m) => m.userId)).toEqual([student.id]);

    // The student sees the quiz and can start it at once (it opens in the current minute): 10 questions, two weeks to go.
    const [quiz, ...others] = await listStudentAssignments(db, student.id as UserId, now);
    expect(others).toHaveLength(0);
    expect(quiz).toMatchObject({ id: made?.assignmentId, classId: klass.id, status: "not_started", questionTotal: 10, attemptsAllowed: 2 });
    expect(quiz!.opensAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(quiz!.dueAt.getTime() - now.getTime()).toBeGreaterThan(13 * 86_400_000);
    await expect(startAttempt(db, student.id as UserId, quiz!.id, now)).resolves.toHaveProperty("attemptId");

    // Not again on the next start, not even once the teacher has archived it.
    const teacherUser = { id: teacher.id as UserId, name: teacher.name, email: teacher.email, role: "teacher" as const };
    await setClassArchived(db, teacherUser, klass.id, true);
    expect(await ensureDemoClass(db, demo, now)).toBeNull();
    expect(await db.class.count({ where: { teacherId: teacher.id } })).toBe(1);
  });
});
