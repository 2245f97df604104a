/**
 * What to study now, and which question of a facet to show. Pure: the data layer loads the cards,
 * the facets without a card and today's counts, and passes `now`.
 */
import type { Question } from "@/lib/core/generate/types";
import { rngFor } from "@/lib/core/generate/hash";
import { STATE_LEARNING, STATE_NEW, STATE_RELEARNING, STATE_REVIEW, retrievabilityReader, type CardState } from "./card";
import { dayOfKey, learnerDay } from "./day";
import type { LearnerSettings } from "./settings";
import { effectiveReviews, type StatsEntry } from "./stats";

/** A learning card due within this many minutes is shown early when the queue has room (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MINUTES = 20;

export interface FacetKey {
  pack: string;
  factId: string;
  facet: string;
}

export interface QueueCard extends CardState, FacetKey {
  id: string;
  topic: string;
  suspended: boolean;
  lastForm: string | null;
}

export interface NewFacet extends FacetKey {
  topic: string;
}

export interface TodayCounts {
  /** Today's reviews (not undone) of cards that were new before them: prevState 0. */
  newIntroduced: number;
  /** Today's reviews (not undone) of cards in the Review state: prevState 2. */
  reviewsDone: number;
  /** `factKey(pack, factId)` of every fact with a review today (not undone). */
  factIdsReviewed: ReadonlySet<string>;
}

export interface QueueInput {
  now: Date;
  settings: LearnerSettings & { w?: readonly number[] };
  cards: readonly QueueCard[];
  /** Facets with no card yet, in bank order. */
  newFacets: readonly NewFacet[];
  today: TodayCounts;
  /** At most this many entries. */
  limit?: number;
}

/**
 * learning: a (re)learning step that is due (or due within LEARN_AHEAD_MINUTES, at the end);
 * due: a review due today; new: a facet not studied yet, or a card reset to new;
 * exam: a review pulled forward because it would be below the desired retention at the exam.
 */
export type QueueReason = "learning" | "due" | "new" | "exam";

export interface QueueEntry extends FacetKey {
  reason: QueueReason;
  topic: string;
  /** null for a facet that has no card yet (the first review creates it). */
  cardId: string | null;
  lastForm: string | null;
  /** null for a facet that has no card yet. */
  due: Date | null;
  /** Reason "exam": the predicted recall on the exam day. */
  recallAtExam?: number;
}

/** The key of a fact in TodayCounts.factIdsReviewed. */
export function factKey(pack: string, factId: string): string {
  return `${pack}/${factId}`;
}

/**
 * Today's counts from the log: pass the entries of the learner day `todayKey` (any others are
 * ignored), each with the pack and fact of its card. Undone reviews do not count.
 */
export function todayCounts(
  entries: readonly (Pick<StatsEntry, "id" | "kind" | "undoOf" | "prevState" | "dayKey"> & {
    pack: string;
    factId: string;
  })[],
  todayKey: string,
): TodayCounts {
  let newIntroduced = 0;
  let reviewsDone = 0;
  const factIdsReviewed = new Set<string>();
  for (const e of effectiveReviews(entries)) {
    if (e.dayKey !== todayKey) continue;
    if (e.prevState === STATE_NEW) newIntroduced++;
    else if (e.prevState === STATE_REVIEW) reviewsDone++;
    factIdsReviewed.add(factKey(e.pack, e.factId));
  }
  return { newIntroduced, reviewsDone, factIdsReviewed };
}

/**
 * Whether a card is in today's queue as a learning step (steps 1 and 5 of `buildQueue`): learning
 * or relearning, due by `now` plus LEARN_AHEAD_MINUTES. A review's answer says so, for the counts.
 */
export function inLearningQueue(card: Pick<CardState, "state" | "due">, now: Date): boolean {
  return (card.state === STATE_LEARNING || card.state === STATE_RELEARNING) && card.due.getTime() <= now.getTime() + LEARN_AHEAD_MINUTES * 60_000;
}

const byDue = (a: QueueCard, b: QueueCard) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function cardEntry(card: QueueCard, reason: QueueReason): QueueEntry {
  return {
    reason,
    pack: card.pack,
    factId: card.factId,
    facet: card.facet,
    topic: card.topic,
    cardId: card.id,
    lastForm: card.lastForm,
    due: card.due,
  };
}

/**
 * Today's queue, in order:
 * 1. learning and relearning cards due by `now` (not limited: they finish what was started);
 * 2. review cards due before the end of the learner's day, oldest due first, up to
 *    reviewsPerDay − reviewsDone;
 * 3. new facets up to newPerDay − newIntroduced: cards reset to new first (by due), then facets
 *    without a card in bank order;
 * 4. with an exam date after today: review cards not due yet whose recall on the exam day (at the
 *    start of that learner day) is below desiredRetention, lowest first, in what is left of the
 *    review limit;
 * 5. learning cards due within LEARN_AHEAD_MINUTES.
 * Siblings: a fact with a review today gets no new, due or exam entry (its learning steps go on),
 * and no fact has two facets in one queue. Suspended cards never appear.
 */
export function buildQueue(input: QueueInput): QueueEntry[] {
  const { now, settings, today } = input;
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const day = learnerDay(now, settings.timeZone, settings.dayStartHour);
  const nowMs = now.getTime();
  const out: QueueEntry[] = [];
  const factsInQueue = new Set<string>();

  const full = () => out.length >= limit;
  const push = (entry: QueueEntry, respectReviewedToday: boolean): boolean => {
    if (full()) return false;
    const fk = factKey(entry.pack, entry.factId);
    if (factsInQueue.has(fk)) return false;
    if (respectReviewedToday && today.factIdsReviewed.has(fk)) return false;
    factsInQueue.add(fk);
    out.push(entry);
    return true;
  };

  // One pass over the cards (this runs on every queue read): reviews are split at the end of the
  // day, so step 2 sorts only those due today; step 4 sorts its own candidates.
  const dayEnd = day.end.getTime();
  const learning: QueueCard[] = [];
  const dueToday: QueueCard[] = [];
  const notDue: QueueCard[] = [];
  const resetToNew: QueueCard[] = [];
  for (const c of input.cards) {
    if (c.suspended) continue;
    if (c.state === STATE_LEARNING || c.state === STATE_RELEARNING) learning.push(c);
    else if (c.state === STATE_REVIEW) (c.due.getTime() < dayEnd ? dueToday : notDue).push(c);
    else if (c.state === STATE_NEW) resetToNew.push(c);
  }
  learning.sort(byDue);
  dueToday.sort(byDue);
  resetToNew.sort(byDue);

  // 1. Learning steps due now.
  for (const c of learning) if (c.due.getTime() <= nowMs) push(cardEntry(c, "learning"), false);

  // 2. Reviews due today.
  let reviewBudget = Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  for (const c of dueToday) {
    if (reviewBudget <= 0 || full()) break;
    if (push(cardEntry(c, "due"), true)) reviewBudget--;
  }

  // 3. New.
  let newBudget = Math.max(0, settings.newPerDay - today.newIntroduced);
  for (const c of resetToNew) {
    if (newBudget <= 0 || full()) break;
    if (push(cardEntry(c, "new"), true)) newBudget--;
  }
  // Built only when a new facet is wanted: a queue already full does without it.
  let known: Set<string> | undefined;
  for (const f of input.newFacets) {
    if (newBudget <= 0 || full()) break;
    known ??= new Set(input.cards.map((c) => `${factKey(c.pack, c.factId)}/${c.facet}`));
    // A facet that already has a card (e.g. suspended) is not new.
    if (known.has(`${factKey(f.pack, f.factId)}/${f.facet}`)) continue;
    const entry: QueueEntry = {
      reason: "new",
      pack: f.pack,
      factId: f.factId,
      facet: f.facet,
      topic: f.topic,
      cardId: null,
      lastForm: null,
      due: null,
    };
    if (push(entry, true)) newBudget--;
  }

  // 4. Exam pull-forward.
  const exam = settings.examDate;
  if (exam !== null && exam > day.key && reviewBudget > 0 && !full()) {
    const examStart = dayOfKey(exam, settings.timeZone, settings.dayStartHour).start;
    const recall = retrievabilityReader(settings);
    const candidates = notDue
      .map((c) => ({ card: c, r: recall(c, examStart) }))
      .filter((x) => x.r < settings.desiredRetention)
      .sort((a, b) => a.r - b.r || byDue(a.card, b.card));
    for (const { card, r } of candidates) {
      if (reviewBudget <= 0 || full()) break;
      if (push({ ...cardEntry(card, "exam"), recallAtExam: r }, true)) reviewBudget--;
    }
  }

  // 5. Learn ahead.
  for (const c of learning) {
    if (c.due.getTime() > nowMs && inLearningQueue(c, now)) push(cardEntry(c, "learning"), false);
  }

  return out;
}

/**
 * The question to show for a facet: a form other than `lastForm` whenever the facet has another,
 * each remaining form equally likely, then one question of that form. Deterministic in `seed`
 * (e.g. `${cardId}/${reps}`), whatever the order of `questions`.
 */
export function pickQuestion(questions: readonly Question[], lastForm: string | null, seed: string): Question {
  if (questions.length === 0) throw new RangeError("pickQuestion: the facet has no questions");
  const forms = [...new Set(questions.map((q) => q.form))].sort();
  const allowed = forms.length > 1 ? forms.filter((f) => f !== lastForm) : forms;
  const rng = rngFor(`pick/${seed}`);
  const form = allowed[rng.int(allowed.length)];
  const ofForm = questions.filter((q) => q.form === form).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const picked = ofForm[rng.int(ofForm.length)];
  if (!picked) throw new RangeError("pickQuestion: no question picked");
  return picked;
}
