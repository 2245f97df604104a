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
