import "server-only";
import {
  answerKeyShown,
  bestScore,
  countStatuses,
  effectiveDueAt,
  handedInAt,
  isLate,
  isOpen,
  startRefusal,
  studentStatus,
  type StudentStatus,
} from "@/lib/core/assignments/status";
import { questionForms, type Question } from "@/lib/core/generate";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { assignmentOfStudent, assignmentOfTeacher, classOfTeacher } from "@/lib/features/classes/access";
import { listDecks } from "@/lib/features/decks/data";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { closeExpiredAttempts } from "./mutations";
import { attemptItems, attemptQuestionIds, checkedAnswer, factFormsOf, fingerprintOf, questionsOf, toAssignmentView, toAttemptQuestion } from "./questions";
import type { AssignmentView, HandedInAttempt, OpenAttempt, PackOption, ReviewedAnswer, TakeView } from "./schema";

// Every read goes through lib/features/classes/access.ts first, and hands in attempts whose
// time ran out before reporting on them (closeExpiredAttempts).

const readResponse = (text: string): AnswerResponse => JSON.parse(text) as AnswerResponse;

// ---- Teacher ----

/** A teacher's assignment within the class of the URL; one of another class is NOT_FOUND. */
export async function assignmentInClass(db: Db, user: SessionUser, classId: string, assignmentId: string) {
  const found = await assignmentOfTeacher(db, user, assignmentId);
  if (found.classId !== classId) throw new AppError(AppErrorCode.NotFound);
  return { assignment: toAssignmentView(found), className: found.class.name };
}

export interface AssignmentSummary {
  assignment: AssignmentView;
  questionTotal: number;
  /** Students of the class by status; null for a draft. */
  counts: Record<StudentStatus, number> | null;
}

/** The class's assignments, soonest due first, with how many students stand where. */
export async function listClassAssignments(db: Db, user: SessionUser, classId: string, now: Date) {
  const found = await classOfTeacher(db, user, classId);
  await closeExpiredAttempts(db, { classId }, now);
  const [rows, members] = await Promise.all([
    db.assignment.findMany({ where: { classId }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] }),
    db.classMember.findMany({ where: { classId }, select: { userId: true } }),
  ]);
  const memberIds = members.map((m) => m.userId);
  const scope = { assignment: { classId }, userId: { in: memberIds } };
  const [attempts, extensions] = await Promise.all([
    db.attempt.findMany({ where: scope, select: { assignmentId: true, userId: true, startedAt: true, deadline: true, submittedAt: true, score: true } }),
    db.assignmentExtension.findMany({ where: scope }),
  ]);
  const assignments: AssignmentSummary[] = rows.map((row) => {
    const assignment = toAssignmentView(row);
    const counts = assignment.publishedAt
      ? countStatuses(
          memberIds.map((userId) =>
            studentStatus(
              assignment,
              extensions.find((e) => e.assignmentId === row.id && e.userId === userId),
              attempts.filter((a) => a.assignmentId === row.id && a.userId === userId),
              now,
            ),
          ),
        )
      : null;
    return { assignment, questionTotal: questionsOf(assignment).length, counts };
  });
  return { className: found.name, studentCount: memberIds.length, assignments };
}

export interface AnswerResult {
  questionId: string;
  response: AnswerResponse;
  correct: boolean;
  /** Partial credit 0-1. */
  score: number;
  answeredAt: Date;
  /** The student asked for this (typed) answer to be accepted; null if not. */
  flaggedAt: Date | null;
  /** The teacher accepted it. */
  accepted: boolean;
}

export interface AttemptResult {
  id: string;
  number: number;
  startedAt: Date;
  deadline: Date | null;
  /** null while the attempt is open. */
  submittedAt: Date | null;
  /** Share of the credit 0-1; null while open. */
  score: number | null;
  /** Handed in after the student's due date. */
  late: boolean;
  /** The questions this attempt asked, in its order (attempts after the first may differ: attemptMode). */
  questionIds: string[];
  answers: AnswerResult[];
}

export interface StudentResult {
  userId: string;
  name: string;
  email: string;
  status: StudentStatus;
  extension: { extraMinutes: number; dueAt: Date | null } | null;
  /** The due date with the student's extension. */
  dueAt: Date;
  /** Every attempt, by number (open ones included: check submittedAt). */
  attempts: AttemptResult[];
  /** The best handed-in score, null before any. */
  best: number | null;
}

export interface AssignmentResults {
  assignment: AssignmentView;
  className: string;
  /** The assignment's questions in order, with their answers (teachers see them). */
  questions: Question[];
  /** The class's current students, by name. */
  students: StudentResult[];
}

/**
 * Each student of the class with every attempt and answer: the teacher's assignment page and
 * the reports build on this. Expired attempts are handed in first, so statuses are final.
 */
export async function getAssignmentResults(db: Db, user: SessionUser, assignmentId: string, now: Date): Promise<AssignmentResults> {
  const found = await assignmentOfTeacher(db, user, assignmentId);
  const assignment = toAssignmentView(found);
  await closeExpiredAttempts(db, { assignmentId }, now);
  const members = await db.classMember.findMany({
    where: { classId: found.classId },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          attempts: { where: { assignmentId }, orderBy: { number: "asc" }, include: { answers: true } },
          extensions: { where: { assignmentId } },
        },
      },
    },
  });
  const students = members.map(({ user: s }): StudentResult => {
    const ext = s.extensions[0] ?? null;
    const extension = ext && { extraMinutes: ext.extraMinutes, dueAt: ext.dueAt };
    const dueAt = effectiveDueAt(assignment, extension);
    return {
      userId: s.id,
      name: s.name,
      email: s.email,
      status: studentStatus(assignment, extension, s.attempts, now),
      extension,
      dueAt,
      attempts: s.attempts.map((a) => ({
        id: a.id,
        number: a.number,
        startedAt: a.startedAt,
        deadline: a.deadline,
        submittedAt: a.submittedAt,
        score: a.score,
        late: a.submittedAt !== null && isLate(a.submittedAt, dueAt),
        questionIds: attemptQuestionIds(assignment, a),
        answers: a.answers.map((x) => ({
          questionId: x.questionId,
          response: readResponse(x.response),
          correct: x.correct,
          score: x.score,
          answeredAt: x.answeredAt,
          flaggedAt: x.flaggedAt,
          accepted: x.accepted,
        })),
      })),
      best: bestScore(s.attempts),
    };
  });
  students.sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.email.localeCompare(b.email));
  return { assignment, className: found.class.name, questions: questionsOf(assignment), students };
}

/** The questions exactly as students will get them, with answers, and a fingerprint for publishing. */
export async function getPreview(db: Db, user: SessionUser, classId: string, assignmentId: string) {
  const { assignment, className } = await assignmentInClass(db, user, classId, assignmentId);
  const questions = questionsOf(assignment);
  return { assignment, className, questions, fingerprint: fingerprintOf(questions.map((q) => q.id)) };
}

/** The packs, topics and forms the assignment form offers. */
export function assignmentFormOptions(): PackOption[] {
  return listDecks().map((d) => ({
    id: d.id,
    title: d.title,
    topics: d.topics.map((t) => ({ name: t.name, factCount: t.factCount })),
    forms: questionForms.filter((f) => d.forms.includes(f)),
    facts: factFormsOf(d.id),
  }));
}

// ---- Student ----

export interface StudentAssignment {
  id: string;
  title: string;
  classId: string;
  className: string;
  opensAt: Date;
  /** With the student's extension. */
  dueAt: Date;
  timeZone: string;
  status: StudentStatus;
  questionTotal: number;
  attemptsUsed: number;
  attemptsAllowed: number;
  timeLimitMinutes: number | null;
  best: number | null;
}

/** The published assignments of the student's classes, soonest due first. */
export async function listStudentAssignments(db: Db, userId: UserId, now: Date): Promise<StudentAssignment[]> {
  await closeExpiredAttempts(db, { userId }, now);
  const rows = await db.assignment.findMany({
    where: { publishedAt: { not: null }, class: { archived: false, members: { some: { userId } } } },
    include: { class: { select: { name: true } }, attempts: { where: { userId } }, extensions: { where: { userId } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows
    .map((row) => {
      const assignment = toAssignmentView(row);
      const extension = row.extensions[0];
      return {
        id: row.id,
        title: row.title,
        classId: row.classId,
        className: row.class.name,
        opensAt: row.opensAt,
        dueAt: effectiveDueAt(assignment, extension),
        timeZone: row.timeZone,
        status: studentStatus(assignment, extension, row.attempts, now),
        questionTotal: questionsOf(assignment).length,
        attemptsUsed: row.attempts.length,
        attemptsAllowed: row.attemptsAllowed,
        timeLimitMinutes: row.timeLimitMinutes,
        best: bestScore(row.attempts),
      };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The student's page of one assignment: its settings, the open attempt with the answers saved
 * so far (a reload or a second device picks up where the student was), and the hand-ins.
 * Results of an answer come back while answering only with feedback after each question; the
 * key of a hand-in only as answerKeyShown allows. Questions are addressed by item number.
 */
export async function getTakeView(db: Db, userId: UserId, assignmentId: string, now: Date): Promise<TakeView> {
  const found = await assignmentOfStudent(db, userId, assignmentId);
  const assignment = toAssignmentView(found);
  const key = { assignmentId, userId };
  await closeExpiredAttempts(db, key, now);
  const [attempts, extension] = await Promise.all([
    db.attempt.findMany({ where: key, orderBy: { number: "asc" }, include: { answers: true } }),
    db.assignmentExtension.findUnique({ where: { assignmentId_userId: key } }),
  ]);
  // Answers are stored by bank id; the student's side only ever sees item numbers, of each
  // attempt's own list. Attempts after the first also show choices in another order.
  const itemsOf = (a: (typeof attempts)[number]) =>
    attemptItems(assignment, a).map((i) => ({ ...i, shown: toAttemptQuestion(i.question, i.item, a.number > 1 ? a.id : undefined) }));
  const dueAt = effectiveDueAt(assignment, extension);
  const verdict = (a: { correct: boolean; score: number }) => ({ correct: a.correct, partial: !a.correct && a.score > 0 });

  const openRow = attempts.find((a) => isOpen(a, now));
  const openItems = openRow ? itemsOf(openRow) : [];
  const itemOf = new Map(openItems.map((i) => [i.question.id, i]));
  const open: OpenAttempt | null = openRow
    ? {
        id: openRow.id,
        number: openRow.number,
        deadline: openRow.deadline?.toISOString() ?? null,
        questions: openItems.map((i) => i.shown),
        answers: openRow.answers.flatMap((a) => {
          const found = itemOf.get(a.questionId);
          if (!found) return [];
          return [{ item: found.item, response: readResponse(a.response), result: assignment.feedback === "each" ? checkedAnswer(found.question, verdict(a)) : null }];
        }),
      }
    : null;

  const handedIn: HandedInAttempt[] = [];
  for (const a of attempts) {
    const at = handedInAt(a, now);
    if (at && a.score !== null) handedIn.push({ id: a.id, number: a.number, submittedAt: at, score: a.score, late: isLate(at, dueAt) });
  }
  const latest = attempts.find((a) => a.id === handedIn.at(-1)?.id);
  const keyShown = answerKeyShown(assignment, attempts.length, openRow !== undefined);
  const review = latest
    ? {
        attemptId: latest.id,
        attemptNumber: latest.number,
        keyShown,
        answers: itemsOf(latest).map(({ question, shown }): ReviewedAnswer => {
          const answer = latest.answers.find((a) => a.questionId === question.id);
          const result = answer ? verdict(answer) : { correct: false, partial: false };
          return {
            question: shown,
            response: answer ? readResponse(answer.response) : null,
            result: keyShown ? checkedAnswer(question, result) : result,
            flagged: answer?.flaggedAt != null,
            accepted: answer?.accepted ?? false,
          };
        }),
      }
    : null;

  const settings: Partial<Pick<AssignmentView, "questionIds">> & Omit<AssignmentView, "questionIds"> = { ...assignment };
  delete settings.questionIds;
  return {
    assignment: { ...settings, className: found.class.name, extraMinutes: extension?.extraMinutes ?? 0, effectiveDueAt: dueAt },
    questionTotal: openRow ? openItems.length : questionsOf(assignment).length,
    status: studentStatus(assignment, extension, attempts, now),
    attemptsUsed: attempts.length,
    startRefusal: open ? null : startRefusal(assignment, attempts.length, now),
    open,
    handedIn,
    review,
  };
}
