/** Study statistics: pure functions over log entries and cards loaded by the data layer. */
import { STATE_NEW, STATE_REVIEW, retrievabilityReader, type CardState, type SchedulerSettings } from "./card";
import { addDays, dayOfKey, daysBetween, learnerDay } from "./day";
import { MASTERED_STABILITY_DAYS, type LearnerSettings } from "./settings";

/** The log columns the statistics read. */
export interface StatsEntry {
  id: string;
  kind: string;
  undoOf: string | null;
  rating: number;
  prevState: number;
  dayKey: string;
}

/** Reviews still in effect: kind "review" and not cancelled by an "undo". */
export function effectiveReviews<E extends Pick<StatsEntry, "id" | "kind" | "undoOf">>(entries: readonly E[]): E[] {
  const undone = new Set<string>();
  for (const e of entries) if (e.kind === "undo" && e.undoOf !== null) undone.add(e.undoOf);
  return entries.filter((e) => e.kind === "review" && !undone.has(e.id));
}

export interface DayCount {
  day: string;
  count: number;
}

/** Reviews per learner day from `fromKey` to `toKey` inclusive, every day listed (0 when none). */
export function reviewsPerDay(
  entries: readonly Pick<StatsEntry, "id" | "kind" | "undoOf" | "dayKey">[],
  fromKey: string,
  toKey: string,
): DayCount[] {
  const counts = new Map<string, number>();
  for (const e of effectiveReviews(entries)) counts.set(e.dayKey, (counts.get(e.dayKey) ?? 0) + 1);
  const out: DayCount[] = [];
  const n = daysBetween(fromKey, toKey);
  for (let i = 0; i <= n; i++) {
    const day = addDays(fromKey, i);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

export interface Retention {
  /** Reviews of cards in the Review state rated Hard, Good or Easy. */
  passed: number;
  /** Reviews of cards in the Review state. */
  total: number;
  /** passed / total, or null with no such review. */
  rate: number | null;
}

/**
 * True retention (Anki's term): among reviews of cards that were in the Review state, the share
 * not rated Again. Learning steps do not count; undone reviews do not count.
 */
export function trueRetention(
  entries: readonly Pick<StatsEntry, "id" | "kind" | "undoOf" | "rating" | "prevState">[],
): Retention {
  let passed = 0;
  let total = 0;
  for (const e of effectiveReviews(entries)) {
    if (e.prevState !== STATE_REVIEW) continue;
    total++;
    if (e.rating >= 2) passed++;
  }
  return { passed, total, rate: total === 0 ? null : passed / total };
}

/**
 * Cards due on each of the next `days` learner days, starting today. Overdue cards count today;
 * new (reset) and suspended cards do not count.
 */
export function dueForecast(
  cards: readonly (Pick<CardState, "due" | "state"> & { suspended?: boolean })[],
  now: Date,
  settings: Pick<LearnerSettings, "timeZone" | "dayStartHour">,
  days = 30,
): DayCount[] {
  const today = learnerDay(now, settings.timeZone, settings.dayStartHour);
  const out: DayCount[] = [];
  // ends[i]: end of day i (exclusive).
  const ends: number[] = [];
  for (let i = 0; i < days; i++) {
    const key = addDays(today.key, i);
    out.push({ day: key, count: 0 });
    ends.push(dayOfKey(key, settings.timeZone, settings.dayStartHour).end.getTime());
  }
  for (const c of cards) {
    if (c.state === STATE_NEW || c.suspended) continue;
    const t = c.due.getTime();
    // First day whose end is after the due time (overdue cards land on day 0).
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] ?? Number.POSITIVE_INFINITY) > t) hi = mid;
      else lo = mid + 1;
    }
    const slot = out[lo];
    if (slot) slot.count++;
  }
  return out;
}

export interface TopicShare {
  /** Facets counted (mastered facets, or summed recall). */
  value: number;
  /** All facets of the topic, studied or not. */
  total: number;
  /** value / total (0 for a topic without facets). */
  share: number;
}

function topicTotals(
  cards: readonly { topic: string }[],
  facetCountByTopic: Readonly<Record<string, number>>,
): Map<string, number> {
  const cardCount = new Map<string, number>();
  for (const c of cards) cardCount.set(c.topic, (cardCount.get(c.topic) ?? 0) + 1);
  const totals = new Map<string, number>();
  for (const [topic, n] of Object.entries(facetCountByTopic)) totals.set(topic, n);
  // A topic with more cards than the bank has facets (e.g. facets dropped from a pack) counts its cards.
  for (const [topic, n] of cardCount) totals.set(topic, Math.max(totals.get(topic) ?? 0, n));
  return totals;
}

function shares(totals: Map<string, number>, values: Map<string, number>): Record<string, TopicShare> {
  const out: Record<string, TopicShare> = {};
  for (const [topic, total] of [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = values.get(topic) ?? 0;
    out[topic] = { value, total, share: total === 0 ? 0 : value / total };
  }
  return out;
}

/**
 * Per topic, the share of facets mastered (stability over MASTERED_STABILITY_DAYS). The
 * denominator is every facet of the topic (facetCountByTopic), studied or not.
 */
export function masteryByTopic(
  cards: readonly (Pick<CardState, "stability" | "state"> & { topic: string })[],
  facetCountByTopic: Readonly<Record<string, number>>,
): Record<string, TopicShare> {
  const mastered = new Map<string, number>();
  for (const c of cards) {
    if (c.state !== STATE_NEW && c.stability > MASTERED_STABILITY_DAYS) mastered.set(c.topic, (mastered.get(c.topic) ?? 0) + 1);
  }
  return shares(topicTotals(cards, facetCountByTopic), mastered);
}

/**
 * Per topic, the mean predicted recall at `examDay` over every facet of the topic; a facet never
 * studied (or reset) counts 0. `share` is the mean, `value` the sum.
 */
export function predictedRecallByTopic(
  cards: readonly (CardState & { topic: string })[],
  examDay: Date,
  facetCountByTopic: Readonly<Record<string, number>>,
  settings: SchedulerSettings,
): Record<string, TopicShare> {
  const recall = retrievabilityReader(settings);
  const sums = new Map<string, number>();
  for (const c of cards) sums.set(c.topic, (sums.get(c.topic) ?? 0) + recall(c, examDay));
  return shares(topicTotals(cards, facetCountByTopic), sums);
}

/**
 * Consecutive learner days with at least one review, ending today, or yesterday when there is
 * none yet today (the streak is not lost until the day is over).
 */
export function streak(dayKeys: Iterable<string>, todayKey: string): number {
  const days = new Set(dayKeys);
  let day = days.has(todayKey) ? todayKey : addDays(todayKey, -1);
  let n = 0;
  while (days.has(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}
