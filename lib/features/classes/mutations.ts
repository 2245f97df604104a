import "server-only";
import type { SessionUser } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import { classOfTeacher } from "./access";
import { normalizeJoinCode, randomJoinCode } from "./join-code";
import { classNameInput } from "./schema";

// Writes take the db, the session user and `now`; every class write checks ownership in access.ts.

/** Attempts at a fresh code before giving up; with 887 million codes a second attempt is already rare. */
const CODE_ATTEMPTS = 10;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** Runs `write` with fresh codes until one is not taken (the unique index decides, also under races). */
async function withFreshCode<T>(nextCode: () => string, write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    try {
      return await write(nextCode());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError(AppErrorCode.Conflict);
}

export async function createClass(db: Db, user: SessionUser, raw: unknown, now: Date, nextCode: () => string = randomJoinCode) {
  if (user.role !== "teacher") throw new AppError(AppErrorCode.Forbidden);
  const { name } = parseInput(classNameInput, raw);
  return withFreshCode(nextCode, (joinCode) => db.class.create({ data: { teacherId: user.id, name, joinCode, createdAt: now } }));
}

/** A new code; the old one stops working at once (a code that leaked, or a new term). */
export async function regenerateJoinCode(db: Db, user: SessionUser, classId: string, nextCode: () => string = randomJoinCode): Promise<string> {
  await classOfTeacher(db, user, classId);
  const updated = await withFreshCode(nextCode, (joinCode) => db.class.update({ where: { id: classId }, data: { joinCode } }));
  return updated.joinCode;
}

/** Archived classes keep their members and work but take no new members. */
export async function setClassArchived(db: Db, user: SessionUser, classId: string, archived: boolean) {
  await classOfTeacher(db, user, classId);
  await db.class.update({ where: { id: classId }, data: { archived } });
}

/**
 * Takes a student out of the class. Their past attempts stay (they are the student's work);
 * they can rejoin with the code unless the teacher regenerates it.
 */
export async function removeStudent(db: Db, user: SessionUser, classId: string, studentId: string) {
  await classOfTeacher(db, user, classId);
  const { count } = await db.classMember.deleteMany({ where: { classId, userId: studentId } });
  if (count === 0) throw new AppError(AppErrorCode.NotFound);
}

/** Joins a class by its code. Joining a class one is already in changes nothing. */
export async function joinClass(db: Db, user: SessionUser, typedCode: string, now: Date) {
  if (user.role !== "student") throw new AppError(AppErrorCode.Forbidden);
  const joinCode = normalizeJoinCode(typedCode);
  if (!joinCode) throw new AppError(AppErrorCode.InvalidInput, { code: "classes.join.codeFormat" });
  const found = await db.class.findUnique({ where: { joinCode } });
  if (!found) throw new AppError(AppErrorCode.NotFound, { code: "classes.join.codeUnknown" });
  if (found.archived) throw new AppError(AppErrorCode.Conflict, { code: "classes.join.archived" });
  try {
    await db.classMember.create({ data: { classId: found.id, userId: user.id, joinedAt: now } });
    return { classId: found.id, alreadyMember: false };
  } catch (error) {
    // Already a member (a second tap, or two tabs at once): the unique key decides.
    if (isUniqueViolation(error)) return { classId: found.id, alreadyMember: true };
    throw error;
  }
}
