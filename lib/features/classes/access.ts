import "server-only";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";

// Every read and write of classes, assignments, attempts and reports goes through one of these.
// Refusals: a student where a teacher is needed gets FORBIDDEN; a class or assignment the user
// has no part in is NOT_FOUND, the same as one that does not exist, so ids cannot be probed.

export async function classOfTeacher(db: Db, user: SessionUser, classId: string) {
  if (user.role !== "teacher") throw new AppError(AppErrorCode.Forbidden);
  const found = await db.class.findFirst({ where: { id: classId, teacherId: user.id } });
  if (!found) throw new AppError(AppErrorCode.NotFound);
  return found;
}

export async function classOfMember(db: Db, userId: UserId, classId: string) {
  const found = await db.class.findFirst({ where: { id: classId, members: { some: { userId } } } });
  if (!found) throw new AppError(AppErrorCode.NotFound);
  return found;
}

export async function assignmentOfTeacher(db: Db, user: SessionUser, assignmentId: string) {
  if (user.role !== "teacher") throw new AppError(AppErrorCode.Forbidden);
  const found = await db.assignment.findFirst({ where: { id: assignmentId, class: { teacherId: user.id } }, include: { class: true } });
  if (!found) throw new AppError(AppErrorCode.NotFound);
  return found;
}

/** A published assignment of a class the student belongs to. */
export async function assignmentOfStudent(db: Db, userId: UserId, assignmentId: string) {
  const found = await db.assignment.findFirst({
    where: { id: assignmentId, publishedAt: { not: null }, class: { archived: false, members: { some: { userId } } } },
    include: { class: true },
  });
  if (!found) throw new AppError(AppErrorCode.NotFound);
  return found;
}

/** The published assignments of the student's current (not archived) classes, with the student's own attempts. */
export function assignmentsOfStudent(db: Db, userId: UserId) {
  return db.assignment.findMany({
    where: { publishedAt: { not: null }, class: { archived: false, members: { some: { userId } } } },
    include: { attempts: { where: { userId }, select: { submittedAt: true, questionIds: true } } },
  });
}
