/**
 * The card of one fact facet, and every change to it, through ts-fsrs (FSRS-6). Nothing here does
 * FSRS maths: this file converts between the Card/ReviewLog columns and ts-fsrs's types, fixes the
 * parameters (retention, fuzz seeded by card id) and adds what ts-fsrs leaves to the app (leeches,
 * exact undo, replay of the log).
 */
import {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  State,
  StrategyMode,
  type AbstractScheduler,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type ReviewLog as FsrsReviewLog,
  type TSeedStrategy,
} from "ts-fsrs";
import { LEECH_LAPSES, LEECH_REPEAT_LAPSES, type LearnerSettings } from "./settings";

/** ts-fsrs State values, as stored in Card.state and ReviewLog.prevState. */
export const STATE_NEW = State.New;
export const STATE_LEARNING = State.Learning;
export const STATE_REVIEW = State.Review;
export const STATE_RELEARNING = State.Relearning;

/** A review's rating: 1 Again, 2 Hard, 3 Good, 4 Easy (ts-fsrs Rating). */
export type ReviewRating = 1 | 2 | 3 | 4;

/** The scheduling columns of the Card model, same names and types. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  lastReview: Date | null;
}

export const reviewKinds = ["review", "undo", "reset", "unsuspend"] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export function isReviewKind(value: string): value is ReviewKind {
  return (reviewKinds as readonly string[]).includes(value);
}

/** The fields of one ReviewLog row that scheduling reads or writes (same names and types). */
export interface ReviewEntry {
  id: string;
  kind: ReviewKind;
  /** For kind "undo": the id of the review it cancels. */
  undoOf: string | null;
  /** 1–4 for a review; 0 for other kinds. */
  rating: number;
  reviewedAt: Date;
  // The card before this entry.
  prevState: number;
  prevDue: Date;
  prevStability: number;
  prevDifficulty: number;
  prevScheduledDays: number;
  prevLearningSteps: number;
  prevLastReview: Date | null;
  /** With the prev* fields above, the whole card before this entry (a checkpoint); null on entries logged before the column existed. */
  prevReps: number | null;
  prevLapses: number | null;
  /** ts-fsrs log: whole UTC days since the previous review (0 for new cards). */
  elapsedDays: number;
  /** ts-fsrs log: the previous review's elapsedDays, as far as the card knows (see applyReview). */
  lastElapsedDays: number;
}

/** A ReviewLog row as loaded: `kind` is a plain string column, checked when it is read. */
export type StoredReviewEntry = Omit<ReviewEntry, "kind" | "prevReps" | "prevLapses"> & {
  kind: string;
  prevReps?: number | null;
  prevLapses?: number | null;
};

/** What a change produces for the log; the data layer adds id, userId, cardId, dayKey, … */
export type NewReviewEntry = Omit<ReviewEntry, "id">;

/** Settings that change scheduling. LearnerSettings fits; `w` overrides the FSRS-6 defaults. */
export type SchedulerSettings = Pick<LearnerSettings, "desiredRetention"> & { w?: readonly number[] };

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScheduleError";
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions

const copyDate = (d: Date) => new Date(d.getTime());

function checkState(state: number): State {
  if (state !== STATE_NEW && state !== STATE_LEARNING && state !== STATE_REVIEW && state !== STATE_RELEARNING) {
    throw new ScheduleError(`Invalid card state ${state} (expected 0-3)`);
  }
  return state;
}

function checkRating(rating: number): ReviewRating {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
    throw new ScheduleError(`Invalid rating ${rating} (expected 1-4)`);
  }
  return rating;
}

/**
 * A ts-fsrs Card. ts-fsrs's deprecated `elapsed_days` has no column: ts-fsrs only copies it into
 * the next log's `last_elapsed_days` and never schedules with it, so it is passed in when known.
 */
export function toFsrsCard(card: CardState, elapsedDays = 0): FsrsCard {
  return {
    due: copyDate(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: checkState(card.state),
    ...(card.lastReview ? { last_review: copyDate(card.lastReview) } : {}),
  };
}

export function fromFsrsCard(card: FsrsCard): CardState {
  return {
    due: copyDate(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? copyDate(card.last_review) : null,
  };
}

/**
 * The ts-fsrs ReviewLog of an entry. ts-fsrs keeps one date for the card's past (`due`: the last
 * review, or the due date of a card never reviewed); the entry keeps both, so this is lossless.
 */
export function toFsrsReviewLog(entry: StoredReviewEntry): FsrsReviewLog {
  return {
    rating: entry.rating,
    state: checkState(entry.prevState),
    due: copyDate(entry.prevLastReview ?? entry.prevDue),
    stability: entry.prevStability,
    difficulty: entry.prevDifficulty,
    elapsed_days: entry.elapsedDays,
    last_elapsed_days: entry.lastElapsedDays,
    scheduled_days: entry.prevScheduledDays,
    learning_steps: entry.prevLearningSteps,
    review: copyDate(entry.reviewedAt),
  };
}

/** The card before a change, as the entry's prev* fields. */
export function prevFields(
  card: CardState,
): Pick<
  ReviewEntry,
  | "prevState"
  | "prevDue"
  | "prevStability"
  | "prevDifficulty"
  | "prevScheduledDays"
  | "prevLearningSteps"
  | "prevLastReview"
  | "prevReps"
  | "prevLapses"
> {
  return {
    prevState: card.state,
    prevDue: copyDate(card.due),
    prevStability: card.stability,
    prevDifficulty: card.difficulty,
    prevScheduledDays: card.scheduledDays,
    prevLearningSteps: card.learningSteps,
    prevLastReview: card.lastReview ? copyDate(card.lastReview) : null,
    prevReps: card.reps,
    prevLapses: card.lapses,
  };
}

/** The card just before `entry`, from its prev* columns; null when the entry has no checkpoint (older rows). */
export function checkpointOf(entry: StoredReviewEntry): CardState | null {
  if (entry.prevReps == null || entry.prevLapses == null) return null;
  return {
    due: copyDate(entry.prevDue),
    stability: entry.prevStability,
    difficulty: entry.prevDifficulty,
    scheduledDays: entry.prevScheduledDays,
    learningSteps: entry.prevLearningSteps,
    reps: entry.prevReps,
    lapses: entry.prevLapses,
    state: checkState(entry.prevState),
    lastReview: entry.prevLastReview ? copyDate(entry.prevLastReview) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduler

/**
 * ts-fsrs's GenSeedStrategyWithCardId reads the id from a field of the card under review; this
 * takes it from the closure instead, so any card object given to the instance is seeded by
 * `cardId`. The seed string is the same as ts-fsrs's (`String(card_id + reps)`, reps counting
 * this review), checked in card.test.ts.
 */
function seedWithCardId(cardId: string): TSeedStrategy {
  return function (this: AbstractScheduler): string {
    // `current` is protected in ts-fsrs's types; GenSeedStrategyWithCardId reads it the same way.
    const current: unknown = Reflect.get(this, "current");
    const reps: unknown = current && typeof current === "object" ? Reflect.get(current, "reps") : 0;
    return String(cardId + String(reps));
  };
}

function fsrsParameters(settings: SchedulerSettings, enableFuzz: boolean) {
  return generatorParameters({
    request_retention: settings.desiredRetention,
    enable_fuzz: enableFuzz,
    w: settings.w ?? default_w,
  });
}

/**
 * A ts-fsrs FSRS instance for one card: request_retention = desiredRetention, fuzz on and seeded
 * by the card id (so a replay of the log gives the same intervals), FSRS-6 default weights unless
 * `settings.w` is given, ts-fsrs default learning steps (1m, 10m) and relearning step (10m).
 */
export function scheduler(settings: SchedulerSettings, cardId: string): FSRS {
  return fsrs(fsrsParameters(settings, true)).useStrategy(StrategyMode.SEED, seedWithCardId(cardId));
}

/** For reading memory state (retrievability); no fuzz, no seed. */
function reader(settings: SchedulerSettings): FSRS {
  return fsrs(fsrsParameters(settings, false));
}

// ---------------------------------------------------------------------------------------------
// Changes

/** A card that has never been reviewed, due at `now`. */
export function newCard(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(copyDate(now)));
}

/** True when a lapse count flags a leech: the 8th lapse, then every 4th after (Anki). */
export function isLeechLapseCount(lapses: number): boolean {
  return lapses >= LEECH_LAPSES && (lapses - LEECH_LAPSES) % LEECH_REPEAT_LAPSES === 0;
}

export interface ReviewResult {
  card: CardState;
  entry: NewReviewEntry;
  /** This review was a lapse that reached the leech threshold: suspend the card and flag it. */
  leech: boolean;
}

export interface ApplyOptions {
  /** The previous review's elapsedDays, to fill lastElapsedDays (informational; default 0). */
  lastElapsedDays?: number;
}

function checkTime(card: CardState, now: Date): void {
  if (Number.isNaN(now.getTime())) throw new ScheduleError("Invalid review time");
  if (card.lastReview && now.getTime() < card.lastReview.getTime()) {
    throw new ScheduleError("A review cannot be earlier than the card's last review");
  }
}

function review(f: FSRS, card: CardState, rating: number, now: Date, options: ApplyOptions = {}): ReviewResult {
  const grade: Grade = checkRating(rating);
  checkTime(card, now);
  const { card: next, log } = f.next(toFsrsCard(card, options.lastElapsedDays ?? 0), copyDate(now), grade);
  const after = fromFsrsCard(next);
  return {
    card: after,
    entry: {
      kind: "review",
      undoOf: null,
      rating: grade,
      reviewedAt: copyDate(now),
      ...prevFields(card),
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
    },
    leech: after.lapses > card.lapses && isLeechLapseCount(after.lapses),
  };
}

/** Reviews `card` at `now` with `rating` (1–4). */
export function applyReview(
  card: CardState,
  rating: number,
  now: Date,
  settings: SchedulerSettings,
  cardId: string,
  options: ApplyOptions = {},
): ReviewResult {
  return review(scheduler(settings, cardId), card, rating, now, options);
}

export interface IntervalPreview {
  due: Date;
  /** due - now. */
  ms: number;
}

/** What each rating would schedule, for the flashcard buttons (same fuzz as applyReview). */
export function previewIntervals(
  card: CardState,
  now: Date,
  settings: SchedulerSettings,
  cardId: string,
): Record<ReviewRating, IntervalPreview> {
  checkTime(card, now);
  const preview = scheduler(settings, cardId).repeat(toFsrsCard(card), copyDate(now));
  const item = (g: ReviewRating): IntervalPreview => {
    const due = copyDate(preview[g].card.due);
    return { due, ms: due.getTime() - now.getTime() };
  };
  return { 1: item(1), 2: item(2), 3: item(3), 4: item(4) };
}

/**
 * Undoes `entry`, the card's latest review, with ts-fsrs rollback. ts-fsrs rebuilds the card
 * from its log, in which the previous due date is lost (it puts the review time there), so the
 * due date and last review come from the entry's prev* columns: the result is the exact card
 * before the review.
 */
export function rollbackReview(card: CardState, entry: StoredReviewEntry): CardState {
  if (entry.kind !== "review") throw new ScheduleError(`Only a review can be rolled back, not "${entry.kind}"`);
  checkRating(entry.rating);
  const prev = fromFsrsCard(fsrs().rollback(toFsrsCard(card), toFsrsReviewLog(entry)));
  return {
    ...prev,
    due: copyDate(entry.prevDue),
    lastReview: entry.prevLastReview ? copyDate(entry.prevLastReview) : null,
  };
}

/** Undo as a log entry: the card after the undo and the "undo" entry that cancels `target`. */
export function undoReview(
  card: CardState,
  target: StoredReviewEntry,
  now: Date,
): { card: CardState; entry: NewReviewEntry } {
  return {
    card: rollbackReview(card, target),
    entry: {
      kind: "undo",
      undoOf: target.id,
      rating: 0,
      reviewedAt: copyDate(now),
      ...prevFields(card),
      elapsedDays: 0,
      lastElapsedDays: 0,
    } satisfies NewReviewEntry,
  };
}

/**
 * Resets a card to new (ts-fsrs forget with reset_count: reps and lapses back to 0, due now).
 * ts-fsrs keeps lastReview; state New makes retrievability 0 all the same.
 */
export function resetCard(card: CardState, now: Date): { card: CardState; entry: NewReviewEntry } {
  const { card: next, log } = fsrs().forget(toFsrsCard(card), copyDate(now), true);
  return {
    card: fromFsrsCard(next),
    entry: {
      kind: "reset",
      undoOf: null,
      rating: 0,
      reviewedAt: copyDate(now),
      ...prevFields(card),
      elapsedDays: 0,
      lastElapsedDays: log.last_elapsed_days,
    },
  };
}

/** The "unsuspend" entry (no FSRS change: the card keeps its state and due date). */
export function unsuspendEntry(card: CardState, now: Date): NewReviewEntry {
  return {
    kind: "unsuspend",
    undoOf: null,
    rating: 0,
    reviewedAt: copyDate(now),
    ...prevFields(card),
    elapsedDays: 0,
    lastElapsedDays: 0,
  };
}

/** Sorts log entries the way replay reads them: by reviewedAt, then id. */
export function compareEntries(
  a: Pick<ReviewEntry, "reviewedAt" | "id">,
  b: Pick<ReviewEntry, "reviewedAt" | "id">,
): number {
  const t = a.reviewedAt.getTime() - b.reviewedAt.getTime();
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rebuilds a card from its log: start from a new card at `createdAt`, apply each review in
 * (reviewedAt, id) order, reset at each "reset", ignore "unsuspend", and drop every review that
 * an "undo" cancels. An undo may only cancel the latest review still in effect when it is logged
 * (which is what the app offers); anything else cannot have been produced by rollback and
 * throws a ScheduleError, as does an unknown kind.
 */
export function replay(
  entries: readonly StoredReviewEntry[],
  settings: SchedulerSettings,
  cardId: string,
  createdAt: Date,
): CardState {
  const f = scheduler(settings, cardId);
  const state: ReplayState = { card: newCard(createdAt), lastElapsedDays: 0, applied: [] };
  for (const entry of [...entries].sort(compareEntries)) {
    if (replayStep(f, state, entry) === BAD_UNDO) {
      throw new ScheduleError(`Undo ${entry.id} cancels ${entry.undoOf ?? "nothing"}, which is not the latest review in effect`);
    }
  }
  return state.card;
}

/** Replay between two entries: the card, the elapsed days of the latest review in effect, and the reviews in effect since the last reset (with the card before each), which an undo pops. */
interface ReplayState {
  card: CardState;
  lastElapsedDays: number;
  applied: { id: string | symbol; before: CardState; lastElapsedDays: number }[];
}

const BAD_UNDO = Symbol("undo of a review not the latest in effect");

/** Applies one log entry to `state` as replay reads it; a review's result, else null (BAD_UNDO for an undo replay cannot apply). */
function replayStep(f: FSRS, state: ReplayState, entry: StoredReviewEntry): ReviewResult | null | typeof BAD_UNDO {
  if (!isReviewKind(entry.kind)) throw new ScheduleError(`Unknown log entry kind "${entry.kind}" (${entry.id})`);
  switch (entry.kind) {
    case "review": {
      const result = review(f, state.card, entry.rating, entry.reviewedAt, { lastElapsedDays: state.lastElapsedDays });
      state.applied.push({ id: entry.id, before: state.card, lastElapsedDays: state.lastElapsedDays });
      state.card = result.card;
      state.lastElapsedDays = result.entry.elapsedDays;
      return result;
    }
    case "undo": {
      const top = state.applied.pop();
      if (!top || top.id !== entry.undoOf) return BAD_UNDO;
      state.card = top.before;
      state.lastElapsedDays = top.lastElapsedDays;
      return null;
    }
    case "reset":
      state.card = resetCard(state.card, entry.reviewedAt).card;
      state.applied.length = 0;
      state.lastElapsedDays = 0;
      return null;
    case "unsuspend":
      return null;
  }
}

/** The columns of a later entry that a late review changes: its checkpoint and, for a review, its elapsed days. */
export type RewrittenColumns = Pick<
  ReviewEntry,
  | "prevState"
  | "prevDue"
  | "prevStability"
  | "prevDifficulty"
  | "prevScheduledDays"
  | "prevLearningSteps"
  | "prevLastReview"
  | "prevReps"
  | "prevLapses"
  | "elapsedDays"
  | "lastElapsedDays"
>;

export interface LateReview {
  /** The late review itself (scheduled on the card as it was then). */
  review: ReviewResult;
  /** The card after the late review and every later entry: what replay(log) gives. */
  card: CardState;
  /** Every later entry, in time order, with its columns as replay now sees them. */
  rewritten: { id: string; columns: RewrittenColumns }[];
}

/**
 * Inserts a review made at `at` before the entries `later` (every entry of the card after `at`,
 * none at `at`): it is scheduled on the checkpoint of the first later entry (the card just before
 * it), then each later entry is applied again as replay does. The work is proportional to
 * `later`, not to the whole log. `lastElapsedDays` is replay's value at `at` (the elapsed days of
 * the latest review in effect). Returns null when this cannot be done here: the first later entry
 * has no checkpoint, or an undo among `later` cancels a review before `at` (replay would then
 * pop the inserted review instead).
 */
export function insertLateReview(
  later: readonly StoredReviewEntry[],
  rating: number,
  at: Date,
  lastElapsedDays: number,
  settings: SchedulerSettings,
  cardId: string,
): LateReview | null {
  const ordered = [...later].sort(compareEntries);
  const first = ordered[0];
  if (!first || first.reviewedAt.getTime() <= at.getTime()) throw new ScheduleError("A late review needs later entries, all after it");
  const before = checkpointOf(first);
  if (!before) return null;
  const f = scheduler(settings, cardId);
  const result = review(f, before, rating, at, { lastElapsedDays });
  const state: ReplayState = { card: result.card, lastElapsedDays: result.entry.elapsedDays, applied: [{ id: Symbol("inserted"), before, lastElapsedDays }] };
  const rewritten: LateReview["rewritten"] = [];
  for (const entry of ordered) {
    const prev = prevFields(state.card);
    const step = replayStep(f, state, entry);
    if (step === BAD_UNDO) return null;
    const elapsed = step ?? { entry };
    rewritten.push({ id: entry.id, columns: { ...prev, elapsedDays: elapsed.entry.elapsedDays, lastElapsedDays: elapsed.entry.lastElapsedDays } });
  }
  return { review: result, card: state.card, rewritten };
}

/** Probability of recall at `at` (ts-fsrs forgetting curve; 0 for a new card). */
export function retrievability(card: CardState, at: Date, settings: SchedulerSettings): number {
  return retrievabilityWith(reader(settings), card, at);
}

/** The same, reusing one ts-fsrs instance over many cards. */
export function retrievabilityReader(settings: SchedulerSettings): (card: CardState, at: Date) => number {
  const f = reader(settings);
  return (card, at) => retrievabilityWith(f, card, at);
}

function retrievabilityWith(f: FSRS, card: CardState, at: Date): number {
  if (card.state === STATE_NEW || !card.lastReview) return 0;
  return f.get_retrievability(toFsrsCard(card), copyDate(at), false);
}

// ---------------------------------------------------------------------------------------------
// Display

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = {
  "zh-CN": { lessThanMinute: "<1分钟", min: "分钟", h: "小时", d: "天", mo: "个月", y: "年" },
  en: { lessThanMinute: "<1 min", min: " min", h: " h", d: " d", mo: " mo", y: " y" },
} as const;

export type IntervalLocale = keyof typeof UNITS;

/** One decimal below 10 ("1.5"), whole numbers above; no trailing ".0". */
function short(n: number): string {
  const rounded = n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
  return String(rounded);
}

/**
 * An interval as the flashcard buttons show it: "10分钟", "3天", "2个月" / "10 min", "3 d",
 * "2 mo". Units: minutes under an hour, hours under a day, days under 30, months (30 days)
 * under a year (365 days), then years.
 */
export function formatInterval(ms: number, locale: IntervalLocale): string {
  const u = UNITS[locale];
  if (ms < MINUTE) return u.lessThanMinute;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}${u.min}`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}${u.h}`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}${u.d}`;
  const months = Number(short(days / 30));
  if (days < 365 && months < 12) return `${short(days / 30)}${u.mo}`;
  return `${short(days / 365)}${u.y}`;
}
