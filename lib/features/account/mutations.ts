import "server-only";
import type { Db } from "@/lib/server/db/create";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import type { UserId } from "@/lib/server/auth/session";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import type { SignUpInput } from "./schema";

// Writes take the db as an argument so the data-layer tests run them on SQLite and PostgreSQL.

export async function createUser(db: Db, input: SignUpInput) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError(AppErrorCode.Conflict, { email: "errors.emailTaken" });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError(AppErrorCode.Conflict, { email: "errors.emailTaken" });
    }
    throw error;
  }
}

export async function updateName(db: Db, userId: UserId, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

export async function updatePassword(db: Db, userId: UserId, currentPassword: string, newPassword: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError(AppErrorCode.NotFound);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(AppErrorCode.InvalidInput, { currentPassword: "errors.wrongPassword" });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
}

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function ensureDemoAccounts(db: Db, accounts: readonly SignUpInput[]) {
  for (const account of accounts) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (!exists) await createUser(db, account);
  }
}

/**
 * Deletes the account and everything stored about the user (settings, cards, review log,
 * memberships, attempts, extensions: all `onDelete: Cascade` from User). The password is asked
 * again, so a borrowed session cannot do it. A teacher with classes still running is refused:
 * deleting them would delete their students' attempts; once every class is archived (and its
 * results exported as CSV if wanted), the account goes with its classes.
 */
export async function deleteAccount(db: Db, userId: UserId, password: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError(AppErrorCode.NotFound);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError(AppErrorCode.InvalidInput, { password: "errors.wrongPassword" });
  }
  const activeClasses = await db.class.count({ where: { teacherId: userId, archived: false } });
  if (activeClasses > 0) throw new AppError(AppErrorCode.Conflict, { _: "accountData.deleteActiveClasses" });
  await db.user.delete({ where: { id: userId } });
}
