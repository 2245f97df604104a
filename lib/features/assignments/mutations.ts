import "server-only";
import { attemptDeadline, attemptScore, handedInAt, isExpired, isOpen, startRefusal } from "@/lib/core/assignments/status";
import { localToUtc } from "@/lib/core/assignments/time";
import { questionForms, type Question } from "@/lib/core/generate";
import { gradeAnswer, normalizeAnswer, type Response as AnswerResponse } from "@/lib/core/grade";
import { assignmentOfStudent, assignmentOfTeacher, classOfTeacher } from "@/lib/features/classes/access";
import { topicOf } from "@/lib/features/decks/data";
import { recordReview } from "@/lib/features/study/mutations";
import type { SessionUser, UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import {
  attemptItems,
  attemptQuestionIds,
  checkedAnswer,
  draftQuestionIds,
  fingerprintOf,
  matchingFactCount,
  newAttemptQuestionIds,
  swappedQuestionId,
  toAssignmentView,
} from "./questions";
import {
  acceptAnswerInput,
  answerInput,
  draftQuestionInput,
  flagAnswerInput,
  assignmentInput,
  assignmentSettingsInput,
  extensionInput,
  type AnswerSaved,
  type AssignmentInput,
  type AssignmentSettingsInput,
  type AssignmentView,
} from "./schema";

const invalid = (field: string, key: string) => new AppError(AppErrorCode.InvalidInput, { [field]: key });
const conflict = (key: string) => new AppError(AppErrorCode.Conflict, { attempt: key });

// ---- Teacher: drafts, publication, extensions ----

/** The columns every assignment has, from the form; dates read in the teacher's zone. */
function settingsData(input: AssignmentSettingsInput) {
  const opensAt = localToUtc(input.opensAt, input.timeZone);
  const dueAt = localToUtc(input.dueAt, input.timeZone);
  if (dueAt <= opensAt) throw invalid("dueAt", "assignments.errors.dueBeforeOpen");
  return {
    title: input.title,
    opensAt,
    dueAt,
    timeZone: input.timeZone,
    attemptsAllowed: input.attemptsAllowed,
    timeLimitMinutes: input.timeLimitMinutes,
    masteryGoal: input.masteryGoal === null ? null : input.masteryGoal / 100,
    feedback: input.feedback,
    answerKey: input.answerKey,
    attemptMode: input.attemptMode,
  };
}

/** The columns the questions are chosen by; refuses filters that match no question. */
function questionData(input: AssignmentInput) {
  const pack = getBank().packs.find((p) => p.id === input.pack);
  if (!pack) throw invalid("pack", "assignments.errors.packUnknown");
  const known = new Set(pack.facts.map((f) => topicOf(f.section)));
  const topics = [...new Set(input.topics)].sort();
  if (topics.some((t) => !known.has(t))) throw invalid("topics", "errors.INVALID_INPUT");
  const forms = questionForms.filter((f) => input.forms.includes(f));
  if (matchingFactCount(pack.id, topics, forms) === 0) throw invalid("forms", "assignments.errors.noQuestions");
  return {
    pack: pack.id,
    topics: JSON.stringify(topics),
    forms: JSON.stringify(forms),
    questionCount: input.questionMode === "all" ? null : input.questionCount,
  };
}

function draftData(raw: unknown) {
  const input = parseInput(assignmentInput, raw);
  return { ...settingsData(input), ...questionData(input) };
}

export async function createAssignment(db: Db, user: SessionUser, classId: string, raw: unknown): Promise<AssignmentView> {
  await classOfTeacher(db, user, classId);
  const row = await db.assignment.create({ data: { classId, ...draftData(raw), questionIds: "[]" } });
  return toAssignmentView(row);
}

/**
 * Saves the form over an assignment. A draft takes every field; a published one keeps its
 * questions (pack, topics, forms and count in the input are ignored) so every student answers
 * the same items.
 */
export async function updateAssignment(db: Db, user: SessionUser, assignmentId: string, raw: unknown): Promise<AssignmentView> {
  const found = await assignmentOfTeacher(db, user, assignmentId);
  if (found.publishedAt) {
    const row = await db.assignment.update({ where: { id: found.id }, data: settingsData(parseInput(assignmentSettingsInput, raw)) });
    return toAssignmentView(row);
  }
  const data = draftData(raw);
  // A list edited in the preview holds while the filters it was drawn by stay as they were.
  const sameFilters = data.pack === found.pack && data.topics === found.topics && data.forms === found.forms && data.questionCount === found.questionCount;
  const row = await db.assignment.update({ where: { id: found.id }, data: sameFilters ? data : { ...data, questionIds: "[]" } });
  return toAssignmentView(row);
}

/**
 * Swaps or drops one question of a draft (the preview's buttons). The list is stored from then
 * on (see draftQuestionIds); a count-mode draft's count follows a drop, so the preview does not
 * report the set as short.
 */
export async function changeDraftQuestion(db: Db, user: SessionUser, raw: unknown): Promise<AssignmentView> {
  const input = parseInput(draftQuestionInput, raw);
  const found = await assignmentOfTeacher(db, user, input.assignmentId);
  if (found.publishedAt) throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.alreadyPublished" });
  const view = toAssignmentView(found);
  const list = draftQuestionIds(view);
  const at = list.indexOf(input.questionId);
  if (at < 0) throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.questionsChanged" });
  let next: string[];
  if (input.change === "drop") {
    if (list.length === 1) throw invalid("questionId", "assignments.errors.lastQuestion");
    next = list.filter((id) => id !== input.questionId);
  } else {
    const other = swappedQuestionId(view, list, input.questionId, input.change);
    if (other === null) throw new AppError(AppErrorCode.Conflict, { assignment: `assignments.errors.${input.change === "facet" ? "noOtherForm" : "noOtherFact"}` });
    next = list.map((id) => (id === input.questionId ? other : id));
  }
  const data = { questionIds: JSON.stringify(next), ...(found.questionCount !== null && { questionCount: next.length }) };
  const updated = await db.assignment.updateMany({ where: { id: found.id, publishedAt: null }, data });
  if (updated.count !== 1) throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.alreadyPublished" });
  return toAssignmentView(await db.assignment.findUniqueOrThrow({ where: { id: found.id } }));
}

/** Deletes a draft, or a published assignment nobody has started; work already done is kept. */
export async function deleteAssignment(db: Db, user: SessionUser, assignmentId: string): Promise<{ classId: string }> {
  const found = await assignmentOfTeacher(db, user, assignmentId);
  if (found.publishedAt && (await db.attempt.count({ where: { assignmentId: found.id } })) > 0) {
    throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.hasAttempts" });
  }
  await db.assignment.delete({ where: { id: found.id } });
  return { classId: found.classId };
}

/**
 * Publishes a draft: fixes its questions (the selection the preview showed; `fingerprint`, when
 * given, must match it) and opens it to the class at `opensAt`.
 */
export async function publishAssignment(db: Db, user: SessionUser, assignmentId: string, fingerprint: string | undefined, now: Date): Promise<AssignmentView> {
  const found = await assignmentOfTeacher(db, user, assignmentId);
  if (found.publishedAt) throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.alreadyPublished" });
  const ids = draftQuestionIds(toAssignmentView(found));
  if (ids.length === 0) throw invalid("forms", "assignments.errors.noQuestions");
  if (fingerprint !== undefined && fingerprint !== fingerprintOf(ids)) {
    throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.questionsChanged" });
  }
  const updated = await db.assignment.updateMany({
    where: { id: found.id, publishedAt: null },
    data: { questionIds: JSON.stringify(ids), publishedAt: now },
  });
  if (updated.count !== 1) throw new AppError(AppErrorCode.Conflict, { assignment: "assignments.errors.alreadyPublished" });
  return toAssignmentView(await db.assignment.findUniqueOrThrow({ where: { id: found.id } }));
}

/**
 * Gives a student extra minutes per attempt and/or a later due date (in the assignment's zone);
 * zero and blank remove the extension. Extra minutes also lengthen an attempt still open, so
 * time granted during a test counts at once; an attempt already out of time stays handed in.
 */
export async function setExtension(db: Db, user: SessionUser, raw: unknown, now: Date) {
  const input = parseInput(extensionInput, raw);
  const assignment = await assignmentOfTeacher(db, user, input.assignmentId);
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId: assignment.classId, userId: input.userId } } });
  if (!member) throw new AppError(AppErrorCode.NotFound, { userId: "errors.NOT_FOUND" });
  const dueAt = input.dueAt === null ? null : localToUtc(input.dueAt, assignment.timeZone);
  if (dueAt && dueAt <= assignment.dueAt) throw invalid("dueAt", "assignments.errors.extensionBeforeDue");
  const key = { assignmentId: assignment.id, userId: input.userId };

  await closeExpiredAttempts(db, key, now);
  if (input.extraMinutes === 0 && dueAt === null) {
    await db.assignmentExtension.deleteMany({ where: key });
  } else {
    const data = { extraMinutes: input.extraMinutes, dueAt };
    await db.assignmentExtension.upsert({ where: { assignmentId_userId: key }, create: { ...key, ...data }, update: data });
  }
  const open = await db.attempt.findMany({ where: { ...key, submittedAt: null } });
  for (const a of open) {
    const deadline = attemptDeadline(a.startedAt, assignment.timeLimitMinutes, input.extraMinutes);
    await db.attempt.updateMany({ where: { id: a.id, submittedAt: null }, data: { deadline } });
  }
  return { ...key, classId: assignment.classId, extraMinutes: input.extraMinutes, dueAt };
}

// ---- Student: attempts ----

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks an attempt's row while it takes answers: returns false once it is handed in. On
 * PostgreSQL a concurrent hand-in waits for this transaction, so no answer lands after the score.
 */
async function lockOpen(tx: Tx, attemptId: string): Promise<boolean> {
  const locked = await tx.attempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: { number: { increment: 0 } } });
  return locked.count === 1;
}

/** Hands an attempt in at `submittedAt` and scores it; null when it already was. */
async function handIn(db: Db, attemptId: string, submittedAt: Date, questionCount: number): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.attempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: { submittedAt } });
    if (claimed.count !== 1) return null;
    const answers = await tx.attemptAnswer.findMany({ where: { attemptId }, select: { score: true } });
    const score = attemptScore(
      answers.map((a) => a.score),
      questionCount,
    );
    await tx.attempt.update({ where: { id: attemptId }, data: { score } });
    return score;
  });
}

/**
 * Hands in every attempt in `scope` whose time ran out, at its deadline. Reads call this first,
 * so an attempt abandoned mid-test shows as handed in when next listed or opened.
 */
export async function closeExpiredAttempts(db: Db, scope: { userId?: string; assignmentId?: string; classId?: string }, now: Date): Promise<void> {
  const expired = await db.attempt.findMany({
    where: {
      ...(scope.userId && { userId: scope.userId }),
      ...(scope.assignmentId && { assignmentId: scope.assignmentId }),
      ...(scope.classId && { assignment: { classId: scope.classId } }),
      submittedAt: null,
      deadline: { lt: now },
    },
    include: { assignment: true },
  });
  for (const a of expired) {
    if (a.deadline) await handIn(db, a.id, a.deadline, attemptItems(toAssignmentView(a.assignment), a).length);
  }
}

/** The student's own attempt and its assignment; someone else's is NOT_FOUND, as is one of a class they left. */
async function attemptOfStudent(db: Db, userId: UserId, attemptId: string) {
  const attempt = await db.attempt.findFirst({ where: { id: attemptId, userId } });
  if (!attempt) throw new AppError(AppErrorCode.NotFound);
  const assignment = toAssignmentView(await assignmentOfStudent(db, userId, attempt.assignmentId));
  return { attempt, assignment };
}

/**
 * Starts an attempt, or returns the one still open (a second tap, a second device). Refuses
 * before the assignment opens and once the allowed attempts are used.
 */
export async function startAttempt(db: Db, userId: UserId, assignmentId: string, now: Date): Promise<{ attemptId: string }> {
  const assignment = await assignmentOfStudent(db, userId, assignmentId);
  const key = { assignmentId: assignment.id, userId };
  await closeExpiredAttempts(db, key, now);
  for (let tries = 0; ; tries++) {
    const attempts = await db.attempt.findMany({ where: key, orderBy: { number: "asc" } });
    const open = attempts.find((a) => isOpen(a, now));
    if (open) return { attemptId: open.id };
    const refusal = startRefusal(assignment, attempts.length, now);
    if (refusal) throw conflict(`assignments.errors.${refusal}`);
    const extension = await db.assignmentExtension.findUnique({ where: { assignmentId_userId: key } });
    const number = (attempts.at(-1)?.number ?? 0) + 1;
    const view = toAssignmentView(assignment);
    const askedBefore = new Set(attempts.flatMap((a) => attemptQuestionIds(view, a)));
    try {
      const created = await db.attempt.create({
        data: {
          ...key,
          number,
          questionIds: JSON.stringify(newAttemptQuestionIds(view, number, `${assignment.id}/${userId}/${number}`, askedBefore)),
          startedAt: now,
          deadline: attemptDeadline(now, assignment.timeLimitMinutes, extension?.extraMinutes ?? 0),
        },
      });
      return { attemptId: created.id };
    } catch (error) {
      // Two starts at once: the other made this number; take its attempt on the next pass.
      if ((error as { code?: string }).code !== "P2002" || tries >= 2) throw error;
    }
  }
}

/**
 * Saves one answer at once, so the attempt survives a reload or a lost connection. With
 * feedback at the end, answering a question again replaces the answer until the hand-in.
 * With feedback after each question the first answer stands (the right answer has been shown),
 * and a repeat gets the stored result back. The first answer to each question is also a review
 * in the student's own schedule; a suspended card (a leech) is left out of it.
 */
export async function saveAnswer(db: Db, userId: UserId, raw: unknown, now: Date): Promise<AnswerSaved> {
  const input = parseInput(answerInput, raw);
  const { attempt, assignment } = await attemptOfStudent(db, userId, input.attemptId);
  if (attempt.submittedAt) throw conflict("assignments.errors.submitted");
  if (isExpired(attempt, now)) {
    await closeExpiredAttempts(db, { assignmentId: assignment.id, userId }, now);
    throw conflict("assignments.errors.timeUp");
  }
  const question = attemptItems(assignment, attempt).find((i) => i.item === input.item)?.question;
  if (!question) throw new AppError(AppErrorCode.NotFound, { item: "errors.NOT_FOUND" });

  const grade = gradeAnswer(await withAccepted(db, assignment.id, question), input.response);
  const feedback = assignment.feedback === "each";
  const stored = await db.$transaction(async (tx) => {
    if (!(await lockOpen(tx, attempt.id))) throw conflict("assignments.errors.submitted");
    const key = { attemptId_questionId: { attemptId: attempt.id, questionId: question.id } };
    if (feedback) {
      const first = await tx.attemptAnswer.findUnique({ where: key });
      if (first) return first;
    }
    const data = { response: JSON.stringify(input.response), correct: grade.correct, score: grade.score, answeredAt: now };
    return tx.attemptAnswer.upsert({ where: key, create: { attemptId: attempt.id, questionId: question.id, ...data }, update: data });
  });

  try {
    await recordReview(
      db,
      userId,
      { clientId: `attempt-${attempt.id}-${input.item}`, questionId: question.id, response: input.response, durationMs: input.durationMs, reviewedAt: now },
      now,
    );
  } catch (error) {
    if (!(error instanceof AppError && error.code === AppErrorCode.Conflict)) throw error;
  }
  return {
    item: input.item,
    result: feedback ? checkedAnswer(question, { correct: stored.correct, partial: !stored.correct && stored.score > 0 }) : null,
  };
}

/** Hands the attempt in and scores it. An attempt whose time ran out counts as handed in at its deadline. */
export async function submitAttempt(db: Db, userId: UserId, attemptId: string, now: Date): Promise<{ score: number }> {
  const { attempt, assignment } = await attemptOfStudent(db, userId, attemptId);
  if (attempt.submittedAt) throw conflict("assignments.errors.submitted");
  const at = isExpired(attempt, now) && attempt.deadline ? attempt.deadline : now;
  const score = await handIn(db, attempt.id, at, attemptItems(assignment, attempt).length);
  if (score === null) throw conflict("assignments.errors.submitted");
  return { score };
}

// ---- Typed answers: the student's "I was right", the teacher's decision ----

/** A typed question with the answers its teacher accepted for everyone added to its own. */
async function withAccepted(db: Db | Tx, assignmentId: string, question: Question): Promise<Question> {
  if (question.form !== "typed") return question;
  const rows = await db.assignmentAccept.findMany({ where: { assignmentId, questionId: question.id }, select: { answer: true } });
  return rows.length === 0 ? question : { ...question, accept: [...(question.accept ?? []), ...rows.map((r) => r.answer)] };
}

function responseTextOf(stored: string): string {
  const value = JSON.parse(stored) as AnswerResponse;
  return typeof value === "string" ? value : value.join("");
}

/**
 * The student flags a typed answer of a handed-in attempt that was graded wrong ("I was right"):
 * the teacher sees it in the report and decides. Flagging twice is harmless.
 */
export async function flagAnswer(db: Db, userId: UserId, raw: unknown, now: Date): Promise<{ item: number }> {
  const input = parseInput(flagAnswerInput, raw);
  const { attempt, assignment } = await attemptOfStudent(db, userId, input.attemptId);
  if (!handedInAt(attempt, now)) throw conflict("assignments.errors.notHandedIn");
  const question = attemptItems(assignment, attempt).find((i) => i.item === input.item)?.question;
  if (!question) throw new AppError(AppErrorCode.NotFound, { item: "errors.NOT_FOUND" });
  const key = { attemptId_questionId: { attemptId: attempt.id, questionId: question.id } };
  const answer = await db.attemptAnswer.findUnique({ where: key });
  if (question.form !== "typed" || !answer || answer.correct || normalizeAnswer(responseTextOf(answer.response)) === "") {
    throw conflict("assignments.errors.notFlaggable");
  }
  if (!answer.flaggedAt) await db.attemptAnswer.update({ where: key, data: { flaggedAt: now } });
  return { item: input.item };
}

/** Re-scores handed-in attempts from their answers (after answers were accepted). */
async function rescore(tx: Tx, assignment: AssignmentView, attemptIds: readonly string[]): Promise<void> {
  for (const attemptId of new Set(attemptIds)) {
    const attempt = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { answers: { select: { score: true } } } });
    if (attempt.score === null) continue;
    const score = attemptScore(
      attempt.answers.map((a) => a.score),
      attemptItems(assignment, attempt).length,
    );
    await tx.attempt.update({ where: { id: attemptId }, data: { score } });
  }
}

/**
 * The teacher accepts a student's answer. "student": that answer becomes right. "everyone": the
 * answer, normalized as the grader compares, joins the question's accepted answers for this
 * assignment; every matching answer already given is regraded and later answers are graded with
 * it. Handed-in scores are recomputed. The students' study schedules are left as they were.
 */
export async function acceptAnswer(db: Db, user: SessionUser, raw: unknown): Promise<{ assignmentId: string; classId: string; regraded: number }> {
  const input = parseInput(acceptAnswerInput, raw);
  const attempt = await db.attempt.findUnique({ where: { id: input.attemptId } });
  if (!attempt) throw new AppError(AppErrorCode.NotFound);
  const found = await assignmentOfTeacher(db, user, attempt.assignmentId);
  const assignment = toAssignmentView(found);
  const answer = await db.attemptAnswer.findUnique({ where: { attemptId_questionId: { attemptId: attempt.id, questionId: input.questionId } } });
  const question = getBank().byId.get(input.questionId);
  if (!answer || !question) throw new AppError(AppErrorCode.NotFound, { questionId: "errors.NOT_FOUND" });
  const right = { correct: true, score: 1, accepted: true };
  const normalized = normalizeAnswer(responseTextOf(answer.response));
  if (input.scope === "everyone" && (question.form !== "typed" || normalized === "")) throw invalid("scope", "assignments.errors.notAcceptableForAll");

  const regraded = await db.$transaction(async (tx) => {
    if (input.scope === "student") {
      await tx.attemptAnswer.update({ where: { attemptId_questionId: { attemptId: attempt.id, questionId: question.id } }, data: right });
      await rescore(tx, assignment, [attempt.id]);
      return 1;
    }
    const key = { assignmentId: assignment.id, questionId: question.id, answer: normalized };
    await tx.assignmentAccept.upsert({ where: { assignmentId_questionId_answer: key }, create: key, update: {} });
    const wrong = await tx.attemptAnswer.findMany({ where: { questionId: question.id, correct: false, attempt: { assignmentId: assignment.id } } });
    const matching = wrong.filter((a) => normalizeAnswer(responseTextOf(a.response)) === normalized);
    for (const a of matching) await tx.attemptAnswer.update({ where: { attemptId_questionId: { attemptId: a.attemptId, questionId: a.questionId } }, data: right });
    await rescore(
      tx,
      assignment,
      matching.map((a) => a.attemptId),
    );
    return matching.length;
  });
  return { assignmentId: assignment.id, classId: assignment.classId, regraded };
}
