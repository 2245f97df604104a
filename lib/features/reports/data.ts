import "server-only";
import type { StudentStatus } from "@/lib/core/assignments/status";
import type { Question, QuestionForm } from "@/lib/core/generate";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { analyzeAssignment, countedAttempt, isBlank, responseText, type Mastery, type OptionCount } from "@/lib/core/reports";
import { assignmentInClass, getAssignmentResults, type AssignmentResults } from "@/lib/features/assignments/data";
import { questionsByIds } from "@/lib/features/assignments/questions";
import type { AssignmentView } from "@/lib/features/assignments/schema";
import { answerText } from "@/lib/features/practice/data";
import type { SessionUser } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";

// Reports of one assignment, for the teacher of its class only: assignmentInClass
// (lib/features/assignments/data.ts, over access.ts assignmentOfTeacher) refuses a student with
// FORBIDDEN and another teacher, or an assignment of another class, with NOT_FOUND.
// The figures are worked out in lib/core/reports (which attempt counts, facility, discrimination).

export interface ReportStudent {
  userId: string;
  name: string;
  email: string;
  status: StudentStatus;
  /** The counted attempt's score (0-1), or null. */
  score: number | null;
  countedNumber: number | null;
  handedInAt: Date | null;
  timeTakenMs: number | null;
  attemptsUsed: number;
  /** null without a mastery goal. */
  mastery: Mastery | null;
}

export interface ReportQuestion {
  /** 1-based, in the assignment's order. */
  number: number;
  id: string;
  form: QuestionForm;
  prompt: string;
  answer: string;
  n: number;
  correct: number;
  facility: number | null;
  discrimination: number | null;
  options: OptionCount[] | null;
  responses: OptionCount[] | null;
  noAnswer: number;
  other: number;
  /** Answers students flagged ("I was right") that the teacher has not accepted yet, any attempt. */
  flagged: { attemptId: string; name: string; response: string }[];
}

export interface AssignmentReport {
  assignment: AssignmentView;
  className: string;
  students: ReportStudent[];
  questions: ReportQuestion[];
  summary: { students: number; counted: number; meanScore: number | null; masteryMetCount: number | null };
}

/** The class's results of a teacher's assignment, checked against the class of the URL. */
async function resultsOf(db: Db, user: SessionUser, classId: string, assignmentId: string, now: Date): Promise<AssignmentResults> {
  await assignmentInClass(db, user, classId, assignmentId);
  return getAssignmentResults(db, user, assignmentId, now);
}

/**
 * The rows of the item analysis: the published questions in order, then those only later
 * attempts asked (shuffled sets ask the same ones; redrawn sets other questions of the same
 * facets) in the counted attempts, each analysed over the attempts that asked it.
 */
function reportQuestions(published: readonly Question[], students: AssignmentResults["students"], now: Date): Question[] {
  const ids = new Set(published.map((q) => q.id));
  const extra: string[] = [];
  for (const s of students) {
    const counted = countedAttempt(s.attempts, published.length, now);
    for (const id of counted?.attempt.questionIds ?? []) {
      if (!ids.has(id)) extra.push(id);
      ids.add(id);
    }
  }
  return [...published, ...questionsByIds(extra)];
}

export async function getAssignmentReport(db: Db, user: SessionUser, classId: string, assignmentId: string, now: Date): Promise<AssignmentReport> {
  const results = await resultsOf(db, user, classId, assignmentId, now);
  const { assignment, className, students } = results;
  const questions = reportQuestions(results.questions, students, now);
  const analysis = analyzeAssignment({
    assignment,
    questions,
    students: students.map((s) => ({ userId: s.userId, extension: s.extension, attempts: s.attempts })),
    masteryGoal: assignment.masteryGoal,
    now,
  });
  return {
    assignment,
    className,
    // Same order as getAssignmentResults (by name): analyzeAssignment keeps the input order.
    students: students.map((s, i) => ({ ...analysis.students[i]!, name: s.name, email: s.email })),
    questions: questions.map((q, i) => ({
      ...analysis.questions[i]!,
      number: i + 1,
      form: q.form,
      prompt: q.prompt,
      answer: answerText(q),
      flagged: students.flatMap((s) =>
        s.attempts.flatMap((a) =>
          a.answers.filter((x) => x.questionId === q.id && x.flaggedAt !== null && !x.accepted).map((x) => ({ attemptId: a.id, name: s.name, response: responseText(q.form, x.response) })),
        ),
      ),
    })),
    summary: { students: students.length, counted: analysis.counted, meanScore: analysis.meanScore, masteryMetCount: analysis.masteryMetCount },
  };
}

export type AnswerOutcome = "correct" | "partial" | "wrong" | "none";

export interface StudentAnswerRow {
  number: number;
  questionId: string;
  form: QuestionForm;
  prompt: string;
  /** The student's answer as text; null when none was given. */
  response: string | null;
  expected: string;
  outcome: AnswerOutcome;
  score: number;
  /** The student asked for this answer to be accepted. */
  flagged: boolean;
  /** The teacher accepted it. */
  accepted: boolean;
  /** The attempt it belongs to, for the teacher's accept buttons. */
  attemptId: string;
}

export interface StudentAttemptSummary {
  number: number;
  startedAt: Date;
  /** Handed in (or out of time) at; null while open. */
  submittedAt: Date | null;
  score: number | null;
  counted: boolean;
}

export interface StudentAnswers {
  assignment: AssignmentView;
  className: string;
  student: { userId: string; name: string; email: string; status: StudentStatus };
  attempts: StudentAttemptSummary[];
  /** The attempt shown, or null when the student has none. */
  shown: number | null;
  answers: StudentAnswerRow[];
}

function outcomeOf(answer: { response: AnswerResponse; correct: boolean; score: number } | undefined): AnswerOutcome {
  if (!answer || isBlank(answer.response)) return "none";
  if (answer.correct) return "correct";
  return answer.score > 0 ? "partial" : "wrong";
}

type StoredAnswer = { questionId: string; response: AnswerResponse; correct: boolean; score: number; flaggedAt: Date | null; accepted: boolean };

/**
 * The question an attempt asked in place of a published one: itself (first attempts, shuffled
 * ones), else the attempt's question of the same facet (a redraw keeps each facet).
 */
function askedInstead(q: Question, asked: readonly Question[]): Question {
  return asked.find((a) => a.id === q.id) ?? asked.find((a) => a.pack === q.pack && a.factId === q.factId && a.facet === q.facet) ?? q;
}

/** One row per published question, in its order, showing what the attempt asked in its place. */
function answerRows(published: readonly Question[], attempt: { attemptId: string; questionIds: readonly string[]; answers: readonly StoredAnswer[] }): StudentAnswerRow[] {
  const byQuestion = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const asked = questionsByIds(attempt.questionIds);
  return published.map((p, i) => {
    const q = askedInstead(p, asked);
    const a = byQuestion.get(q.id);
    const outcome = outcomeOf(a);
    return {
      number: i + 1,
      questionId: q.id,
      form: q.form,
      prompt: q.prompt,
      response: a && outcome !== "none" ? responseText(q.form, a.response) : null,
      expected: answerText(q),
      outcome,
      score: a?.score ?? 0,
      flagged: a?.flaggedAt != null,
      accepted: a?.accepted ?? false,
      attemptId: attempt.attemptId,
    };
  });
}

/**
 * One student's answers question by question: the counted attempt unless `attemptNumber` asks
 * for another, else the latest (an attempt in progress). A user who is not a student of the
 * class, or an attempt that does not exist, is NOT_FOUND.
 */
export async function getStudentAnswers(
  db: Db,
  user: SessionUser,
  classId: string,
  assignmentId: string,
  studentId: string,
  attemptNumber: number | null,
  now: Date,
): Promise<StudentAnswers> {
  const { assignment, className, questions, students } = await resultsOf(db, user, classId, assignmentId, now);
  const student = students.find((s) => s.userId === studentId);
  if (!student) throw new AppError(AppErrorCode.NotFound);
  const counted = countedAttempt(student.attempts, questions.length, now);
  const shownNumber = attemptNumber ?? counted?.attempt.number ?? student.attempts.at(-1)?.number ?? null;
  const shown = student.attempts.find((a) => a.number === shownNumber);
  if (attemptNumber !== null && !shown) throw new AppError(AppErrorCode.NotFound);
  return {
    assignment,
    className,
    student: { userId: student.userId, name: student.name, email: student.email, status: student.status },
    attempts: student.attempts.map((a) => ({
      number: a.number,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      score: a.score,
      counted: a.number === counted?.attempt.number,
    })),
    shown: shown?.number ?? null,
    answers: shown ? answerRows(questions, { attemptId: shown.id, questionIds: shown.questionIds, answers: shown.answers }) : [],
  };
}

/** Every student's answers in their counted attempt: the answers CSV. */
export async function getCountedAnswers(db: Db, user: SessionUser, classId: string, assignmentId: string, now: Date) {
  const { assignment, questions, students } = await resultsOf(db, user, classId, assignmentId, now);
  return {
    assignment,
    students: students.map((s) => {
      const counted = countedAttempt(s.attempts, questions.length, now);
      return { name: s.name, email: s.email, attempt: counted?.attempt.number ?? null, answers: counted ? answerRows(questions, { attemptId: counted.attempt.id, questionIds: counted.attempt.questionIds, answers: counted.attempt.answers }) : [] };
    }),
  };
}
