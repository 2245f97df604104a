import { afterAll, describe, expect, it } from "vitest";
import { checkCredentials, RATE_LIMITED } from "@/lib/server/auth/options";
import { allowHit, SIGN_IN_PER_ACCOUNT } from "@/lib/server/rate-limit";
import { verifyPassword } from "@/lib/server/auth/password";
import type { UserId } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { createUser, ensureDemoAccounts, updateName, updatePassword } from "@/lib/features/account/mutations";
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

  it("refuses a second account with the same email, also when two arrive at once", async () => {
    const input = newAccount();
    const results = await Promise.allSettled([createUser(db, input), createUser(db, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("changes the display name and the password, checking the current one", async () => {
    const input = newAccount();
    const user = await createUser(db, input);
    const id = user.id as UserId;
    await updateName(db, id, "新名字");
    await expect(updatePassword(db, id, "wrong password", "another secret")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await updatePassword(db, id, input.password, "another secret");
    const stored = await db.user.findUniqueOrThrow({ where: { id } });
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
});
