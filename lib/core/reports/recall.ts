import type { TopicShare } from "@/lib/core/schedule";

/**
 * One date's table of predicted recall, students × topics. Each cell is the mean predicted
 * recall over every facet of the topic (lib/core/schedule predictedRecallByTopic: facets never
 * studied count 0). A student's overall figure weighs topics by their facet count (all facets
 * together); the class mean gives each student the same weight.
 */

export interface RecallRow<S> {
  student: S;
  /** Per topic, in the order of the topics given. */
  shares: number[];
  overall: number;
}

export interface RecallTable<S> {
  rows: RecallRow<S>[];
  /** Per topic, the mean over students; null without students. */
  mean: (number | null)[];
  meanOverall: number | null;
}

export function recallTable<S>(topicCount: number, students: readonly { student: S; byTopic: readonly TopicShare[] }[]): RecallTable<S> {
  const rows = students.map(({ student, byTopic }) => {
    const value = byTopic.reduce((sum, t) => sum + t.value, 0);
    const total = byTopic.reduce((sum, t) => sum + t.total, 0);
    return { student, shares: byTopic.map((t) => t.share), overall: total === 0 ? 0 : value / total };
  });
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    rows,
    mean: Array.from({ length: topicCount }, (_, i) => mean(rows.map((r) => r.shares[i] ?? 0))),
    meanOverall: mean(rows.map((r) => r.overall)),
  };
}

/**
 * The shade of a recall figure, by its whole percent (the number shown): below 50% low, below
 * 80% mid, else high. The number is always shown with it, so the shade is never the only cue.
 */
export type RecallBand = "low" | "mid" | "high";

export function recallBand(share: number): RecallBand {
  const pct = Math.round(share * 100);
  return pct < 50 ? "low" : pct < 80 ? "mid" : "high";
}

/**
 * The topics with the lowest class mean, compared as the whole percents shown (so two topics
 * both shown as 12% are both weakest). None with fewer than two topics, without students, or
 * when every topic is level (nothing stands out).
 */
export function weakestTopics(mean: readonly (number | null)[]): number[] {
  const pcts = mean.map((m) => (m === null ? null : Math.round(m * 100)));
  const known = pcts.filter((p): p is number => p !== null);
  if (known.length < 2) return [];
  const lowest = Math.min(...known);
  if (known.every((p) => p === lowest)) return [];
  return pcts.flatMap((p, i) => (p === lowest ? [i] : []));
}

/** A column to sort a recall table by: the student's name, their overall figure, or one topic (by index). */
export type RecallSortKey = { by: "name" } | { by: "overall" } | { by: "topic"; index: number };
export type SortOrder = "asc" | "desc";

/**
 * The rows sorted by one column. Rows come in name order; ties keep it (a stable sort), in
 * either direction, so students with the same figure stay findable by name.
 */
export function sortRecallRows<S>(rows: readonly RecallRow<S>[], key: RecallSortKey, order: SortOrder): RecallRow<S>[] {
  if (key.by === "name") return order === "asc" ? [...rows] : [...rows].reverse();
  const value = (r: RecallRow<S>) => (key.by === "overall" ? r.overall : (r.shares[key.index] ?? 0));
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * (value(a) - value(b)));
}
