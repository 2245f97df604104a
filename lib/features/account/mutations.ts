import "server-only";
import { utcToLocal } from "@/lib/core/assignments/time";
import { createAssignment, publishAssignment } from "@/lib/features/assignments/mutations";
import { createClass, joinClass } from "@/lib/features/classes/mutations";
import { listDecks } from "@/lib/features/decks/data";
import type { Db } from "@/lib/server/db/create";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { accountLimitKeys } from "@/lib/server/rate-limit";
import type { SignUpInput } from "./schema";

// Writes take the db as an argument so the data-layer tests run them on SQLite and PostgreSQL.

/**
 * Creates an account. A taken email gets one answer, however it is found taken, and costs the
 * same bcrypt hash as a new account: the unique index decides, after the hash, with no lookup
 * before it that could answer early (ARCHITECTURE.md, Accounts).
 */
export async function createUser(db: Db, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError(AppErrorCode.Conflict, { email: "errors.emailUnavailable" });
    throw error;
  }
}

export async function updateName(db: Db, userId: UserId, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Changes the password and ends every session signed in before (returns the new session version). */
export async function updatePassword(db: Db, userId: UserId, currentPassword: string, newPassword: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError(AppErrorCode.NotFound);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(AppErrorCode.InvalidInput, { currentPassword: "errors.wrongPassword" });
  }
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function ensureDemoAccounts(db: Db, accounts: readonly SignUpInput[]) {
  for (const account of accounts) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (!exists) await createUser(db, account);
  }
}

const DEMO_CLASS = { name: "示范班", quiz: "小测：长三角一体化", timeZone: "Asia/Shanghai", openDays: 14 };

/**
 * The demo teacher's class, with the demo student in it and a published 10-question quiz open
 * for two weeks (to 23:59 Shanghai time): a first look at `npm start` finds a class, an
 * assignment to take and, once it is taken, the reports. Made through the app's own mutations,
 * and only for a demo teacher with no class at all (archived ones count), so a class archived
 * or left stays so after a restart.
 */
export async function ensureDemoClass(db: Db, accounts: readonly SignUpInput[], now: Date) {
  const find = async (role: SignUpInput["role"]): Promise<SessionUser | null> => {
    const email = accounts.find((a) => a.role === role)?.email;
    const row = email ? await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true } }) : null;
    return row?.role === role ? { ...row, id: row.id as UserId, role } : null;
  };
  const [teacher, student] = [await find("teacher"), await find("student")];
  const pack = listDecks()[0];
  if (!teacher || !student || !pack || (await db.class.count({ where: { teacherId: teacher.id } })) > 0) return null;
  const klass = await createClass(db, teacher, { name: DEMO_CLASS.name }, now);
  await joinClass(db, student, klass.joinCode, now);
  const at = (days: number) => utcToLocal(new Date(now.getTime() + days * 86_400_000), DEMO_CLASS.timeZone);
  const quiz = await createAssignment(db, teacher, klass.id, {
    title: DEMO_CLASS.quiz,
    pack: pack.id,
    forms: ["mc", "tf", "typed", "numeric"],
    questionMode: "count",
    questionCount: "10",
    // From the current minute (a local time has no seconds): open at once.
    opensAt: at(0),
    dueAt: `${at(DEMO_CLASS.openDays).slice(0, 10)}T23:59`,
    timeZone: DEMO_CLASS.timeZone,
    attemptsAllowed: "2",
    timeLimitMinutes: "",
    masteryGoal: "80",
    feedback: "each",
  });
  await publishAssignment(db, teacher, quiz.id, undefined, now);
  return { classId: klass.id, assignmentId: quiz.id };
}

/**
 * Deletes the account and everything stored about the user (settings, cards, review log,
 * memberships, attempts, extensions: all `onDelete: Cascade` from User), and the rate-limit
 * counters that name it (its email or id). The password is asked
 * again, so a borrowed session cannot do it. A teacher with classes still running is refused:
 * deleting them would delete their students' attempts; once every class is archived (and its
 * results exported as CSV if wanted), the account goes with its classes.
 */
export async function deleteAccount(db: Db, userId: UserId, password: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError(AppErrorCode.NotFound);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError(AppErrorCode.InvalidInput, { password: "errors.wrongPassword" });
  }
  const activeClasses = await db.class.count({ where: { teacherId: userId, archived: false } });
  if (activeClasses > 0) throw new AppError(AppErrorCode.Conflict, { _: "accountData.deleteActiveClasses" });
  // Rate-limit counters are keyed by text, not a relation: they do not cascade.
  await db.$transaction([db.rateLimit.deleteMany({ where: { key: { in: accountLimitKeys({ id: userId, email: user.email }) } } }), db.user.delete({ where: { id: userId } })]);
}
