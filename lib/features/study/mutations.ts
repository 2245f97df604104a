import "server-only";
import { randomUUID } from "node:crypto";
import { gradeAnswer, type Response as AnswerResponse } from "@/lib/core/grade";
import type { Question } from "@/lib/core/generate";
import {
  applyReview,
  checkpointOf,
  compareEntries,
  insertLateReview,
  inLearningQueue,
  learnerDay,
  learnerSettingsInput,
  newCard,
  replay,
  resetCard,
  undoReview,
  unsuspendEntry,
  type LateReview,
  type LearnerSettings,
  type NewReviewEntry,
} from "@/lib/core/schedule";
import { topicOf } from "@/lib/features/decks/data";
import { answerKey, answerText } from "@/lib/features/practice/data";
import type { UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import { cardState, getSettings, lastEffectiveReview } from "./data";
import { newCardId } from "./facets";
import type { ReviewOutcome } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Offline reviews may arrive late; older than this they are taken as made now. */
const MAX_REVIEW_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** A client clock a little ahead is tolerated; further ahead is taken as now. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const WRITE_ATTEMPTS = 5;
/**
 * A late review is inserted in time order before at most this many entries of its card (each
 * re-applied and rewritten); behind more, it is taken as made now. Offline, each card is studied
 * at most once until the outbox syncs, so a real late review has a handful of entries after it.
 */
export const MAX_LATER_ENTRIES = 32;
/**
 * How long a review may wait for a connection (PostgreSQL pool of 10) or for SQLite's single
 * writer, and run. Prisma's defaults (2 s, 5 s) answered 500 to a third of the reviews of 200
 * students at once on PostgreSQL (P2028, scripts/load/run.ts): under a burst, wait instead.
 */
const REVIEW_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

export interface RecordReviewInput {
  clientId: string;
  questionId: string;
  response?: AnswerResponse | undefined;
  rating?: 1 | 2 | 3 | 4 | undefined;
  durationMs: number;
  reviewedAt?: string | Date | undefined;
}

/** A lost race (the card changed under us, or a twin request was first): try again. */
class WriteConflict extends Error {}
/** The card is suspended: refused, unless this clientId was stored before (see recordReview). */
class CardSuspended extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** P2028: the transaction did not start in time, or expired and was rolled back; safe to retry. */
function isTransactionTimeout(error: unknown): boolean {
  return (error as { code?: string }).code === "P2028";
}

function reviewTime(raw: string | Date | undefined, now: Date): Date {
  if (raw === undefined) return now;
  const at = new Date(raw);
  const t = at.getTime();
  if (Number.isNaN(t) || t > now.getTime() + MAX_CLOCK_SKEW_MS || t < now.getTime() - MAX_REVIEW_AGE_MS) return now;
  return at;
}

function question(questionId: string): Question {
  const q = getBank().byId.get(questionId);
  if (!q) throw new AppError(AppErrorCode.NotFound, { questionId: "errors.NOT_FOUND" });
  return q;
}

function logColumns(entry: NewReviewEntry) {
  const { kind, undoOf, rating, reviewedAt, prevState, prevDue, prevStability, prevDifficulty, prevScheduledDays, prevLearningSteps, prevLastReview, prevReps, prevLapses, elapsedDays, lastElapsedDays } = entry;
  return { kind, undoOf, rating, reviewedAt, prevState, prevDue, prevStability, prevDifficulty, prevScheduledDays, prevLearningSteps, prevLastReview, prevReps, prevLapses, elapsedDays, lastElapsedDays };
}

/** The stored result of a review, for a repeated request. */
async function storedOutcome(db: Db | Tx, userId: UserId, clientId: string, now: Date): Promise<ReviewOutcome | null> {
  const log = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (!log || log.kind !== "review" || !log.questionId) return null;
  const q = getBank().byId.get(log.questionId);
  const card = await db.card.findUnique({ where: { id: log.cardId }, select: { leech: true, suspended: true, state: true, due: true } });
  return {
    clientId,
    rating: log.rating as ReviewOutcome["rating"],
    correct: log.correct,
    partial: log.correct === false && log.rating === 2,
    expected: q ? answerText(q) : "",
    key: q ? answerKey(q) : "",
    explanation: q?.explanation ?? "",
    section: q?.section ?? "",
    due: (log.resultDue ?? log.reviewedAt).toISOString(),
    leech: card?.leech ?? false,
    duplicate: true,
    learningAgain: card ? !card.suspended && inLearningQueue(card, now) : false,
  };
}

/**
 * Records one review: grades it (or takes the self-grade), schedules the facet's card with
 * FSRS, and appends the log entry, in one transaction. The same clientId twice is stored once
 * and answered with the stored result. A review older than the card's last one (made offline)
 * is inserted in time order and the card is rebuilt by replaying its log.
 */
export async function recordReview(db: Db, userId: UserId, input: RecordReviewInput, now: Date): Promise<ReviewOutcome> {
  const q = question(input.questionId);
  // A repeated clientId is not looked up first (one query less per review): its log insert hits
  // the unique (userId, clientId) and the stored result is answered below.
  let rating: 1 | 2 | 3 | 4;
  let correct: boolean | null = null;
  let partial = false;
  if (input.response !== undefined) {
    const grade = gradeAnswer(q, input.response);
    rating = grade.rating;
    correct = grade.correct;
    partial = grade.partial;
  } else if (input.rating !== undefined) {
    rating = input.rating;
  } else {
    throw new AppError(AppErrorCode.InvalidInput, { response: "errors.INVALID_INPUT" });
  }
  const settings = await getSettings(db, userId);
  const madeAt = reviewTime(input.reviewedAt, now);

  for (let attempt = 0; ; attempt++) {
    try {
      const written = await db.$transaction(async (tx) => {
        const card = await findOrCreateCard(tx, userId, q, madeAt);
        if (card.suspended) throw new CardSuspended();
        const state = cardState(card);
        // In order only if no log entry of any kind is later: a reset keeps lastReview, so a review
        // made before a reset (arriving after it) used to be applied to the reset card, which
        // replay(log) then wipes (test/db/study.test.ts, 8b).
        const latest = await tx.reviewLog.findFirst({ where: { cardId: card.id }, orderBy: LOG_ORDER_DESC, select: { reviewedAt: true, kind: true, elapsedDays: true } });
        let reviewedAt = madeAt;
        let late: LateReview | null = null;
        if ((state.lastReview && madeAt < state.lastReview) || (latest && madeAt < latest.reviewedAt)) {
          // Made offline before the card's latest entry: inserted in time order when that is cheap and sound, else taken as made now.
          late = await planLateReview(tx, card.id, rating, madeAt, settings);
          if (!late) reviewedAt = new Date(Math.max(now.getTime(), latest ? latest.reviewedAt.getTime() + 1 : 0, state.lastReview ? state.lastReview.getTime() + 1 : 0));
        }
        const dayKey = learnerDay(reviewedAt, settings.timeZone, settings.dayStartHour).key;
        let applied;
        if (late) {
          applied = late.review;
        } else {
          // The latest entry is nearly always a review: then it is the review in effect, no second read.
          const lastElapsedDays = latest?.kind === "review" ? latest.elapsedDays : await lastElapsedOf(tx, card.id);
          applied = applyReview(state, rating, reviewedAt, settings, card.id, { lastElapsedDays });
        }
        const log = await tx.reviewLog.create({
          data: {
            userId,
            cardId: card.id,
            clientId: input.clientId,
            questionId: q.id,
            form: q.form,
            response: input.response === undefined ? null : JSON.stringify(input.response),
            correct,
            durationMs: input.durationMs,
            dayKey,
            ...logColumns(applied.entry),
            resultDue: applied.card.due,
          },
          // Only the id is used: every column returned is one more for Prisma to plan and map.
          select: { id: true },
        });
        const next = late ? late.card : applied.card;
        // Keep every later entry's checkpoint true, so the next late review or undo can start from it.
        if (late) for (const r of late.rewritten) await tx.reviewLog.update({ where: { id: r.id }, data: r.columns, select: { id: true } });
        const leech = applied.leech || card.leech;
        const suspended = applied.leech ? true : card.suspended;
        const updated = await tx.card.updateMany({
          where: { id: card.id, version: card.version },
          data: { ...next, lastForm: q.form, leech, suspended, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new WriteConflict();
        if (late) await tx.reviewLog.update({ where: { id: log.id }, data: { resultDue: next.due }, select: { id: true } });
        // A card suspended as a leech leaves the queue, learning or not.
        return { due: next.due, leech: applied.leech, learningAgain: !suspended && inLearningQueue(next, now) };
      }, REVIEW_TRANSACTION);
      return {
        clientId: input.clientId,
        rating,
        correct,
        partial,
        expected: answerText(q),
        key: answerKey(q),
        explanation: q.explanation,
        section: q.section,
        due: written.due.toISOString(),
        leech: written.leech,
        duplicate: false,
        learningAgain: written.learningAgain,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      // This clientId may be stored already (a repeat, or a twin request that won): answer with
      // its result. That includes a repeat of the review that made the card a leech.
      const stored = await storedOutcome(db, userId, input.clientId, now);
      if (stored) return stored;
      if (error instanceof CardSuspended) throw new AppError(AppErrorCode.Conflict, { card: "errors.CONFLICT" });
      const raced = error instanceof WriteConflict || isUniqueViolation(error) || isTransactionTimeout(error);
      if (!raced || attempt + 1 >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/** The columns of a Card a review reads: its state, and what guards the write (not the facet's key, topic or last form). */
const REVIEWED_CARD_COLUMNS = {
  id: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  suspended: true,
  leech: true,
  version: true,
  createdAt: true,
} as const;

async function findOrCreateCard(tx: Tx, userId: UserId, q: Question, at: Date) {
  const key = { userId, pack: q.pack, factId: q.factId, facet: q.facet };
  // Lock the card's row before reading it: on PostgreSQL this waits for a concurrent review of
  // the same card to commit, so concurrent reviews queue up. Reading first let them all fail the
  // version check and retry at once; 10 concurrent reviews of one facet ran out of attempts
  // (test/db/study.test.ts). SQLite serializes writers anyway; the version check stays as a guard.
  // One statement (UPDATE … RETURNING) takes the lock and reads the row.
  const [locked] = await tx.card.updateManyAndReturn({ where: key, data: { version: { increment: 0 } }, select: REVIEWED_CARD_COLUMNS });
  if (locked) return locked;
  // Created at its first review, so replay(log, createdAt) starts from the same new card.
  return tx.card.create({ data: { id: newCardId(userId, key), ...key, topic: topicOf(q.section), ...newCard(at), createdAt: at }, select: REVIEWED_CARD_COLUMNS });
}

/** A card's log, latest first: by review time, ties by id (compareEntries, reversed). */
const LOG_ORDER_DESC = [{ reviewedAt: "desc" }, { id: "desc" }] as const satisfies { reviewedAt?: "desc"; id?: "desc" }[];
const LOG_ORDER_ASC = [{ reviewedAt: "asc" }, { id: "asc" }] as const satisfies { reviewedAt?: "asc"; id?: "asc" }[];

/**
 * replay()'s lastElapsedDays at the end of the card's log (or before `before`): the elapsedDays of
 * the latest review still in effect, 0 after a reset. Reads the last few entries only; past them
 * it gives 0 (the value is informational: ts-fsrs does not schedule with it).
 */
async function lastElapsedOf(tx: Tx, cardId: string, before?: Date): Promise<number> {
  const recent = await tx.reviewLog.findMany({
    where: { cardId, kind: { in: ["review", "undo", "reset"] }, ...(before && { reviewedAt: { lt: before } }) },
    orderBy: LOG_ORDER_DESC,
    take: 50,
    select: { id: true, kind: true, undoOf: true, elapsedDays: true },
  });
  const undone = new Set<string>();
  for (const e of recent) {
    if (e.kind === "undo") {
      if (e.undoOf) undone.add(e.undoOf);
    } else if (e.kind === "reset") {
      return 0;
    } else if (!undone.has(e.id)) {
      return e.elapsedDays;
    }
  }
  return 0;
}

/**
 * A late review inserted in time order before at most MAX_LATER_ENTRIES entries of its card, from
 * the checkpoint of the first later one (work proportional to what changed, not to the log).
 * Null when it cannot be: too many later entries, an entry at the same instant (replay would
 * order the two by id), no checkpoint (entries logged before checkpoints existed), or an undo
 * after it of a review before it.
 */
async function planLateReview(tx: Tx, cardId: string, rating: number, at: Date, settings: LearnerSettings): Promise<LateReview | null> {
  const later = await tx.reviewLog.findMany({ where: { cardId, reviewedAt: { gte: at } }, orderBy: LOG_ORDER_ASC, take: MAX_LATER_ENTRIES + 1 });
  const first = later[0];
  if (!first || later.length > MAX_LATER_ENTRIES || first.reviewedAt.getTime() === at.getTime()) return null;
  const lastElapsedDays = first.kind === "review" ? first.lastElapsedDays : await lastElapsedOf(tx, cardId, at);
  return insertLateReview(later, rating, at, lastElapsedDays, settings, cardId);
}

/**
 * Undoes the user's latest review still in effect (ts-fsrs rollback), appending an "undo"
 * entry. Returns the facet, so the client can show it again; null when there is nothing to undo.
 * Idempotent by clientId. The undo is dated at the review it cancels (see below), so it needs no clock.
 */
export async function undoLastReview(db: Db, userId: UserId, clientId: string) {
  const repeated = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } }, include: { card: true } });
  if (repeated) return repeated.kind === "undo" ? repeated.card : null;
  const target = await lastEffectiveReview(db, userId);
  if (!target) return null;
  const settings = await getSettings(db, userId);
  return db.$transaction(async (tx) => {
    const card = await tx.card.findUniqueOrThrow({ where: { id: target.cardId } });
    const entries = await tx.reviewLog.findMany({ where: { cardId: card.id } });
    if (lastEffectiveOfCard(entries)?.id !== target.id) throw new AppError(AppErrorCode.Conflict);
    // The undo is dated at its review, not at `now`: replay pops the latest review in time order,
    // so an undo dated earlier than its review (a review stamped up to MAX_CLOCK_SKEW_MS ahead) or
    // after an offline review made in between made replay(log) throw (test/db/study.test.ts, 8b).
    // createdAt still records when the undo happened.
    const undone = undoReview(cardState(card), target, target.reviewedAt);
    const created = await tx.reviewLog.create({
      data: { userId, cardId: card.id, clientId, dayKey: target.dayKey, ...logColumns(undone.entry), resultDue: undone.card.due },
    });
    // The card before the review is its checkpoint (kept true when a late review is inserted
    // before it). Entries logged before checkpoints existed: ts-fsrs rollback from the prev*
    // columns, which an offline review inserted out of time order left stale: then replay the log.
    const before =
      checkpointOf(target) ?? (insertedInTimeOrder(entries) ? undone.card : replay([...entries, created], settings, card.id, card.createdAt));
    // Undoing the review that made the card a leech lifts the flag and the suspension.
    const wasLeechMaker = card.leech && card.lapses > before.lapses;
    const updated = await tx.card.updateMany({
      where: { id: card.id, version: card.version },
      data: { ...before, ...(wasLeechMaker && { leech: false, suspended: false }), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError(AppErrorCode.Conflict);
    return card;
  });
}

type LogRow = Awaited<ReturnType<Tx["reviewLog"]["findMany"]>>[number];

/** The card's latest review still in effect, in time order (what rollback can undo). */
function lastEffectiveOfCard(entries: readonly LogRow[]) {
  const undone = new Set(entries.filter((e) => e.kind === "undo").map((e) => e.undoOf));
  const stack: LogRow[] = [];
  for (const e of [...entries].sort(compareEntries)) {
    if (e.kind === "review" && !undone.has(e.id)) stack.push(e);
    if (e.kind === "reset") stack.length = 0;
  }
  return stack.at(-1) ?? null;
}

/** True when the log was written in time order (no offline review arrived late). */
function insertedInTimeOrder(entries: readonly LogRow[]): boolean {
  const byInsert = [...entries].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareEntries(a, b));
  const byTime = [...entries].sort(compareEntries);
  return byInsert.every((e, i) => e.id === byTime[i]?.id);
}

/**
 * "I was right": a typed answer graded wrong is re-graded as Good. The wrong review is undone
 * and a Good review recorded in its place; both steps use ids derived from the review's, so a
 * repeated request changes nothing.
 */
export async function overrideReview(db: Db, userId: UserId, reviewClientId: string, now: Date): Promise<ReviewOutcome> {
  const log = await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId: reviewClientId } } });
  if (!log || log.kind !== "review" || !log.questionId) throw new AppError(AppErrorCode.NotFound);
  const replacement = `${reviewClientId}:ok`;
  const done = await storedOutcome(db, userId, replacement, now);
  if (done) return done;
  if (log.form !== "typed" || log.correct !== false) throw new AppError(AppErrorCode.Conflict);
  const latest = await lastEffectiveReview(db, userId);
  if (latest?.id === log.id) await undoLastReview(db, userId, `${reviewClientId}:undo`);
  const outcome = await recordReview(
    db,
    userId,
    { clientId: replacement, questionId: log.questionId, rating: 3, durationMs: log.durationMs, reviewedAt: now },
    now,
  );
  await db.reviewLog.updateMany({ where: { userId, clientId: replacement, correct: null }, data: { correct: true, response: log.response } });
  return { ...outcome, correct: true, partial: false };
}

/**
 * Puts one of the user's cards back into study: logs `kind` ("unsuspend" keeps the schedule,
 * "reset" starts the card afresh as new with ts-fsrs forget) and lifts the suspension.
 */
async function restoreCard(db: Db, userId: UserId, cardId: string, kind: "unsuspend" | "reset", now: Date) {
  const card = await db.card.findFirst({ where: { id: cardId, userId } });
  if (!card) throw new AppError(AppErrorCode.NotFound);
  const settings = await getSettings(db, userId);
  const { card: next, entry } = kind === "reset" ? resetCard(cardState(card), now) : { card: cardState(card), entry: unsuspendEntry(cardState(card), now) };
  await db.$transaction([
    db.reviewLog.create({
      data: {
        userId,
        cardId,
        clientId: `${kind}-${cardId}-${randomUUID()}`,
        dayKey: learnerDay(now, settings.timeZone, settings.dayStartHour).key,
        ...logColumns(entry),
        resultDue: next.due,
      },
    }),
    db.card.update({ where: { id: cardId }, data: { ...next, suspended: false, leech: false, version: { increment: 1 } } }),
  ]);
}

/** Lets a suspended card (a leech) be studied again, keeping its schedule. */
export function unsuspendCard(db: Db, userId: UserId, cardId: string, now: Date) {
  return restoreCard(db, userId, cardId, "unsuspend", now);
}

/** Starts a card afresh as new (ts-fsrs forget), unsuspended. */
export function resetCardForUser(db: Db, userId: UserId, cardId: string, now: Date) {
  return restoreCard(db, userId, cardId, "reset", now);
}

export async function saveSettings(db: Db, userId: UserId, raw: unknown) {
  const data = parseInput(learnerSettingsInput, raw);
  await db.learnerSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return data;
}

/**
 * A guest's practice answers become the new account's first reviews, in the order they were
 * given. Answers to unknown questions are skipped; each keeps its clientId, so a retry is harmless.
 * Once per account: an account with any log entry outside this batch is refused (CONFLICT), so
 * back-dated reviews cannot be fed in again and again. The reviews are recorded one by one,
 * yielding to the event loop between them (on SQLite each query blocks it).
 */
export async function importGuestReviews(
  db: Db,
  userId: UserId,
  reviews: readonly { clientId: string; questionId: string; response: AnswerResponse; reviewedAt: string }[],
  now: Date,
): Promise<number> {
  const batch = reviews.map((r) => r.clientId);
  const other = await db.reviewLog.findFirst({ where: { userId, clientId: { notIn: batch } }, select: { id: true } });
  if (other) throw new AppError(AppErrorCode.Conflict, { reviews: "errors.importDone" });
  let imported = 0;
  // By instant, not by text: the API accepts any UTC offset, and "10:00+08:00" is before "03:00Z".
  const ordered = [...reviews].sort((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt));
  for (const r of ordered) {
    if (!getBank().byId.has(r.questionId)) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await recordReview(db, userId, { ...r, durationMs: 0 }, now);
      imported++;
    } catch (error) {
      // A card suspended meanwhile, or an answer given twice: skip it, keep the rest.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return imported;
}
