import "server-only";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { classOfMember, classOfTeacher } from "./access";
import { normalizeJoinCode } from "./join-code";
import { countJoinAttempt } from "./join-limit";
import type { JoinPreview, RosterMember, StudentClassSummary, TeacherClassSummary } from "./schema";

// Reads are scoped through access.ts or by the user's own id: a teacher sees only their
// classes, a student only the classes they are in.

/** Names sort as a Chinese reader expects (pinyin), then by email so the order is stable. */
const byName = new Intl.Collator("zh-CN");

/** The teacher's classes, active first, newest first; archived ones too (the page groups them). */
export async function listClassesOfTeacher(db: Db, user: SessionUser): Promise<TeacherClassSummary[]> {
  if (user.role !== "teacher") throw new AppError(AppErrorCode.Forbidden);
  const rows = await db.class.findMany({
    where: { teacherId: user.id },
    orderBy: [{ archived: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    include: { _count: { select: { members: true } } },
  });
  return rows.map(({ id, name, joinCode, archived, createdAt, _count }) => ({ id, name, joinCode, archived, createdAt, memberCount: _count.members }));
}

/** The classes a student is in, most recently joined first. */
export async function listClassesOfStudent(db: Db, userId: UserId): Promise<StudentClassSummary[]> {
  const rows = await db.classMember.findMany({
    where: { userId },
    orderBy: [{ joinedAt: "desc" }, { classId: "asc" }],
    include: { class: { include: { teacher: { select: { name: true } } } } },
  });
  return rows.map(({ joinedAt, class: c }) => ({ id: c.id, name: c.name, teacherName: c.teacher.name, archived: c.archived, joinedAt }));
}

/** Members of a class whose access was checked by the caller. */
async function membersOf(db: Db, classId: string): Promise<RosterMember[]> {
  const rows = await db.classMember.findMany({
    where: { classId },
    include: { user: { select: { name: true, email: true } } },
  });
  return rows
    .map(({ userId, joinedAt, user: u }) => ({ userId, name: u.name, email: u.email, joinedAt }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));
}

/** The students of a teacher's class, by name. */
export async function rosterOf(db: Db, user: SessionUser, classId: string): Promise<RosterMember[]> {
  await classOfTeacher(db, user, classId);
  return membersOf(db, classId);
}

/** A teacher's class with its roster: the teacher's class page. */
export async function getTeacherClass(db: Db, user: SessionUser, classId: string) {
  const found = await classOfTeacher(db, user, classId);
  return { ...found, roster: await membersOf(db, classId) };
}

/** A class as one of its students sees it. */
export async function getStudentClass(db: Db, userId: UserId, classId: string): Promise<StudentClassSummary> {
  await classOfMember(db, userId, classId);
  const row = await db.classMember.findUniqueOrThrow({
    where: { classId_userId: { classId, userId } },
    include: { class: { include: { teacher: { select: { name: true } } } } },
  });
  return { id: row.class.id, name: row.class.name, teacherName: row.class.teacher.name, archived: row.class.archived, joinedAt: row.joinedAt };
}

/**
 * The class behind a typed or linked code, or null: what the join link shows. A code that could
 * exist counts as a join attempt (RATE_LIMITED past the limit), like joining; a malformed one
 * tells nothing and does not count.
 */
export async function previewJoin(db: Db, userId: UserId, typedCode: string, now: Date): Promise<JoinPreview | null> {
  const joinCode = normalizeJoinCode(typedCode);
  if (!joinCode) return null;
  await countJoinAttempt(db, userId, now);
  const found = await db.class.findUnique({
    where: { joinCode },
    include: { teacher: { select: { name: true } }, members: { where: { userId }, select: { userId: true } } },
  });
  if (!found) return null;
  return { classId: found.id, joinCode, name: found.name, teacherName: found.teacher.name, archived: found.archived, alreadyMember: found.members.length > 0 };
}
