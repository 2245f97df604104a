import { attemptScore, handedInAt, type AttemptTimes } from "@/lib/core/assignments/status";

/**
 * Which attempt of a student counts in the reports: the handed-in attempt with the highest score,
 * ties going to the earliest hand-in. This is Moodle's default grading method ("Highest grade",
 * lib/core/assignments bestScore), and Moodle's quiz statistics analyse the graded attempts, so
 * the score shown and the item analysis use the same attempt. An attempt whose time limit ran
 * out counts as handed in at its deadline (lib/core/assignments handedInAt); if it was never
 * scored, its score is worked out from its answers. Open attempts never count. Statuses come
 * from lib/core/assignments studentStatus, the same as the students' own list shows.
 */

export interface ReportAttempt extends AttemptTimes {
  number: number;
  answers: readonly { score: number }[];
}

export interface CountedAttempt<A> {
  attempt: A;
  handedInAt: Date;
  score: number;
  /** handedInAt − startedAt. */
  timeTakenMs: number;
}

export function countedAttempt<A extends ReportAttempt>(attempts: readonly A[], questionCount: number, now: Date): CountedAttempt<A> | null {
  let best: CountedAttempt<A> | null = null;
  for (const attempt of attempts) {
    const at = handedInAt(attempt, now);
    if (!at) continue;
    const score = attempt.score ?? attemptScore(attempt.answers.map((a) => a.score), questionCount);
    if (!best || score > best.score || (score === best.score && at < best.handedInAt)) {
      best = { attempt, handedInAt: at, score, timeTakenMs: at.getTime() - attempt.startedAt.getTime() };
    }
  }
  return best;
}
