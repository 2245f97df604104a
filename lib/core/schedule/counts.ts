/**
 * The counts line of a study session (学习中 · 到期 · 新卡): today's queue counted by kind, and how
 * one review or undo moves it, so the line follows the session between two reads of the queue.
 * Imports types only: the browser uses it, and the scheduler (ts-fsrs) stays off its bundle.
 */
import type { QueueEntry, QueueReason } from "./queue";

// A type, not an interface: the catalogue's `t("study.counts", counts)` takes it as its values.
export type QueueCounts = {
  learning: number;
  due: number;
  new: number;
};

/** The count an entry of the queue is in: exam pull-forwards are reviews, so they count as due. */
export function countOf(reason: QueueReason): keyof QueueCounts {
  return reason === "learning" ? "learning" : reason === "new" ? "new" : "due";
}

/** Today's queue (`buildQueue`) counted by kind: what the counts line shows after a read. */
export function queueCounts(queue: readonly Pick<QueueEntry, "reason">[]): QueueCounts {
  const counts: QueueCounts = { learning: 0, due: 0, new: 0 };
  for (const e of queue) counts[countOf(e.reason)]++;
  return counts;
}

/**
 * The counts after a review of an entry of `reason`. The entry leaves its count (a new card is no
 * longer new, a review spent one of today's) and, when the review left the card among today's
 * learning steps (`inLearningQueue`), it is counted again as learning: what the next read of the
 * queue shows. `reason` null: the entry has left already (a flashcard leaves when graded; whether
 * it is learning again is known when the server answers). `undo` takes such a review back.
 */
export function countReview(counts: QueueCounts, reason: QueueReason | null, learningAgain: boolean, undo = false): QueueCounts {
  const sign = undo ? -1 : 1;
  const next = { ...counts };
  if (reason) next[countOf(reason)] -= sign;
  if (learningAgain) next.learning += sign;
  return { learning: Math.max(0, next.learning), due: Math.max(0, next.due), new: Math.max(0, next.new) };
}
