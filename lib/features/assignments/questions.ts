import "server-only";
import { countMatchingFacts, redrawQuestions, selectQuestions, shuffledQuestions, swapQuestion, type Candidate, type FactForms } from "@/lib/core/assignments/select";
import type { Question, QuestionForm } from "@/lib/core/generate";
import { rngFor, sha256Hex } from "@/lib/core/generate/hash";
import type { GradeResult } from "@/lib/core/grade";
import { topicOf } from "@/lib/features/decks/data";
import { answerKey, answerText, toPublicQuestion } from "@/lib/features/practice/data";
import type { CheckedAnswer } from "@/lib/features/practice/schema";
import { getBank } from "@/lib/server/content/bank";
import { assignmentsOfStudent } from "@/lib/features/classes/access";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import type { AssignmentView, AttemptQuestion } from "./schema";

// The bridge between assignment rows and the question bank.

export type AssignmentRow = Awaited<ReturnType<Db["assignment"]["findUniqueOrThrow"]>>;

export function jsonList<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    pack: row.pack,
    topics: jsonList<string>(row.topics),
    forms: jsonList<QuestionForm>(row.forms),
    questionCount: row.questionCount,
    questionIds: jsonList<string>(row.questionIds),
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    timeZone: row.timeZone,
    attemptsAllowed: row.attemptsAllowed,
    timeLimitMinutes: row.timeLimitMinutes,
    masteryGoal: row.masteryGoal,
    feedback: row.feedback === "end" ? "end" : "each",
    answerKey: row.answerKey === "each" ? "each" : "final",
    attemptMode: row.attemptMode === "redraw" ? "redraw" : "shuffle",
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
  };
}

function candidates(pack: string): Candidate[] {
  return getBank()
    .questions.filter((q) => q.pack === pack)
    .map((q) => ({ id: q.id, pack: q.pack, factId: q.factId, form: q.form, facet: q.facet, topic: topicOf(q.section), prompt: q.prompt }));
}

/**
 * The questions a draft would get if published now (the same the preview shows): the drawn
 * selection, or the list the teacher edited in the preview (kept until the filters change).
 */
export function draftQuestionIds(a: AssignmentView): string[] {
  if (a.questionIds.length > 0) return a.questionIds;
  return selectQuestions(candidates(a.pack), { pack: a.pack, topics: a.topics, forms: a.forms, count: a.questionCount }, a.id);
}

/** A draft question swapped for another (see swapQuestion), or null when there is none. */
export function swappedQuestionId(a: AssignmentView, list: readonly string[], questionId: string, to: "facet" | "fact"): string | null {
  return swapQuestion(candidates(a.pack), { pack: a.pack, topics: a.topics, forms: a.forms }, list, questionId, to, a.id);
}

/**
 * The question list of a student's new attempt. The first asks the published list in its order,
 * so the item analysis compares like with like; later ones shuffle it, or redraw each facet
 * (avoiding what `askedBefore` holds), per the assignment's attemptMode.
 */
export function newAttemptQuestionIds(a: AssignmentView, number: number, seed: string, askedBefore: ReadonlySet<string>): string[] {
  if (number <= 1) return a.questionIds;
  if (a.attemptMode === "shuffle") return shuffledQuestions(a.questionIds, seed);
  return redrawQuestions(candidates(a.pack), a.forms, a.questionIds, askedBefore, seed);
}

/** An attempt's own question list; an attempt stored without one asks the assignment's. */
export function attemptQuestionIds(a: Pick<AssignmentView, "questionIds">, attempt: { questionIds: string }): string[] {
  const own = jsonList<string>(attempt.questionIds);
  return own.length > 0 ? own : a.questionIds;
}

/**
 * The assignment's questions in order: the fixed ones once published, else the draft's
 * selection. An id the bank no longer has (content removed by a later deploy) is left out,
 * and scores are shared over the questions that remain.
 */
export function questionsOf(a: AssignmentView): Question[] {
  const ids = a.publishedAt ? a.questionIds : draftQuestionIds(a);
  const byId = getBank().byId;
  return ids.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
}

/** Bank questions by id, in order; ids the bank no longer has are left out. */
export function questionsByIds(ids: readonly string[]): Question[] {
  const byId = getBank().byId;
  return ids.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
}

/**
 * An attempt's questions with their item numbers: the place in the attempt's own list, so an
 * item keeps its number if a later deploy drops another question from the bank.
 */
export function attemptItems(a: Pick<AssignmentView, "questionIds">, attempt: { questionIds: string }): { item: number; question: Question }[] {
  const byId = getBank().byId;
  return attemptQuestionIds(a, attempt).flatMap((id, item) => {
    const question = byId.get(id);
    return question ? [{ item, question }] : [];
  });
}

/**
 * A question as a student sees it in an attempt: by item number, without its bank id. With a
 * `seed` (attempts after the first) the options of a choice question come in another order too.
 */
export function toAttemptQuestion(question: Question, item: number, seed?: string): AttemptQuestion {
  // The spread's bank id is replaced.
  const shown: AttemptQuestion = { ...toPublicQuestion(question), id: `item-${item}`, item };
  if (seed !== undefined && shown.choices && (question.form === "mc" || question.form === "multi")) {
    shown.choices = rngFor(`${seed}/${item}`).shuffle(shown.choices);
  }
  return shown;
}

/** A short hash of a question list: publishing checks the teacher saw these questions. */
export function fingerprintOf(ids: readonly string[]): string {
  return sha256Hex(ids.join(","));
}

/** The facts of a pack with their topic and forms, for the form's live "N facts match" count. */
export function factFormsOf(pack: string): FactForms[] {
  const facts = new Map<string, { topic: string; forms: Set<QuestionForm> }>();
  for (const q of getBank().questions) {
    if (q.pack !== pack) continue;
    const entry = facts.get(q.factId) ?? { topic: topicOf(q.section), forms: new Set<QuestionForm>() };
    entry.forms.add(q.form);
    facts.set(q.factId, entry);
  }
  return [...facts.values()].map((f) => ({ topic: f.topic, forms: [...f.forms] }));
}

export function matchingFactCount(pack: string, topics: readonly string[], forms: readonly QuestionForm[]): number {
  return countMatchingFacts(factFormsOf(pack), topics, forms);
}

/** The result a student sees for one answer. */
export function checkedAnswer(q: Question, grade: Pick<GradeResult, "correct" | "partial">): CheckedAnswer {
  return { correct: grade.correct, partial: grade.partial, expected: answerText(q), key: answerKey(q), explanation: q.explanation, section: q.section };
}

/**
 * Bank ids of the questions of the student's unfinished assignments (published, attempts left
 * or one open): the ids the practice grader would give the key of. Here, not in data.ts, so the
 * study and account features import no assignment mutations (no import cycle).
 */
export async function pendingAssignmentQuestionIds(db: Db, userId: UserId): Promise<Set<string>> {
  const pending = new Set<string>();
  for (const row of await assignmentsOfStudent(db, userId)) {
    const unfinished = row.attempts.length < row.attemptsAllowed || row.attempts.some((a) => a.submittedAt === null);
    if (!unfinished) continue;
    for (const id of jsonList<string>(row.questionIds)) pending.add(id);
    for (const a of row.attempts) if (a.submittedAt === null) for (const id of jsonList<string>(a.questionIds)) pending.add(id);
  }
  return pending;
}

/**
 * For the study queue: a filter that drops those questions from a facet's forms whenever another
 * form remains, so studying does not grade, and show the key of, the very question an assignment asks.
 */
export async function withoutPendingAssignmentQuestions(db: Db, userId: UserId): Promise<(questions: readonly Question[]) => readonly Question[]> {
  const pending = await pendingAssignmentQuestionIds(db, userId);
  if (pending.size === 0) return (questions) => questions;
  return (questions) => {
    const others = questions.filter((q) => !pending.has(q.id));
    return others.length > 0 ? others : questions;
  };
}
