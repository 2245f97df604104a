import "server-only";
import { pendingAssignmentQuestionIds } from "@/lib/features/assignments/questions";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";

/** Stored answers are JSON text; the export gives them as values. */
function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/**
 * Everything stored about one user, for "download my data": profile (never the password hash),
 * study settings, card states, the whole review log, class memberships, the classes they teach
 * (without other people's data) and their assignment attempts with answers.
 */
export async function exportAccountData(db: Db, userId: UserId, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true },
  });
  if (!user) throw new AppError(AppErrorCode.NotFound);
  const [settings, cards, reviews, memberships, teaching, attempts, extensions, pending] = await Promise.all([
    db.learnerSettings.findUnique({ where: { userId }, omit: { userId: true } }),
    db.card.findMany({ where: { userId }, omit: { userId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.reviewLog.findMany({ where: { userId }, omit: { userId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.classMember.findMany({
      where: { userId },
      select: { joinedAt: true, class: { select: { id: true, name: true, teacher: { select: { name: true } } } } },
      orderBy: { joinedAt: "asc" },
    }),
    db.class.findMany({
      where: { teacherId: userId },
      select: { id: true, name: true, joinCode: true, archived: true, createdAt: true, _count: { select: { members: true, assignments: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.attempt.findMany({
      where: { userId },
      omit: { userId: true },
      include: { answers: { omit: { attemptId: true }, orderBy: { answeredAt: "asc" } }, assignment: { select: { title: true, questionIds: true, class: { select: { id: true, name: true } } } } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    }),
    db.assignmentExtension.findMany({ where: { userId }, omit: { userId: true } }),
    pendingAssignmentQuestionIds(db, userId),
  ]);
  // The bank ids of unfinished assignments are withheld (the practice grader would answer with
  // their key); answers keep their place in the assignment instead.
  const shownId = (questionId: string | null) => (questionId !== null && pending.has(questionId) ? null : questionId);
  const itemsOf = new Map(attempts.map((a) => [a.id, JSON.parse(a.assignment.questionIds) as string[]]));
  return {
    format: "delta-recall-account-export",
    version: 1,
    exportedAt: now.toISOString(),
    profile: user,
    settings,
    cards,
    reviews: reviews.map((r) => ({
      ...r,
      questionId: shownId(r.questionId),
      clientId: r.questionId && shownId(r.questionId) === null ? r.clientId.replaceAll(r.questionId, "withheld") : r.clientId,
      response: parsed(r.response),
    })),
    classMemberships: memberships.map((m) => ({ classId: m.class.id, className: m.class.name, teacher: m.class.teacher.name, joinedAt: m.joinedAt })),
    classesTaught: teaching.map(({ _count, ...c }) => ({ ...c, students: _count.members, assignments: _count.assignments })),
    attempts: attempts.map(({ assignment, answers, ...a }) => ({
      ...a,
      assignmentTitle: assignment.title,
      classId: assignment.class.id,
      className: assignment.class.name,
      answers: answers.map((x) => ({
        ...x,
        questionId: shownId(x.questionId),
        item: itemsOf.get(a.id)?.indexOf(x.questionId) ?? -1,
        response: parsed(x.response),
      })),
    })),
    assignmentExtensions: extensions,
  };
}
export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;

/**
 * A first visit, for the greeting: the account was made since `dayStart` (the learner's day) and
 * has no review yet. Signed up yesterday and back today is a return, studied or not.
 */
export async function isNewAccount(db: Db, userId: UserId, dayStart: Date): Promise<boolean> {
  const [user, review] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { createdAt: true } }),
    db.reviewLog.findFirst({ where: { userId }, select: { id: true } }),
  ]);
  return user !== null && user.createdAt >= dayStart && review === null;
}
