/**
 * Where a student stands on an assignment at `now`: deadlines, the status shown in lists and
 * reports, whether an attempt may start, and the score. Late work is accepted and marked late
 * (as in Google Classroom); only the time limit of an attempt is a hard stop.
 */

const MINUTE_MS = 60_000;

export interface AssignmentTimes {
  opensAt: Date;
  dueAt: Date;
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
}

/** A student's extension: extra minutes on each attempt, and/or a later due date. */
export interface ExtensionTimes {
  extraMinutes: number;
  dueAt: Date | null;
}

export interface AttemptTimes {
  startedAt: Date;
  /** startedAt + time limit + extra minutes; null without a time limit. */
  deadline: Date | null;
  submittedAt: Date | null;
  score: number | null;
}

export const studentStatuses = ["upcoming", "not_started", "in_progress", "submitted", "late", "missing"] as const;
export type StudentStatus = (typeof studentStatuses)[number];

/** The due date for this student: an extension only ever moves it later. */
export function effectiveDueAt(assignment: Pick<AssignmentTimes, "dueAt">, extension?: ExtensionTimes | null): Date {
  const extended = extension?.dueAt;
  return extended && extended > assignment.dueAt ? extended : assignment.dueAt;
}

/** When an attempt started at `startedAt` must end; null when the assignment has no time limit. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null, extraMinutes = 0): Date | null {
  if (timeLimitMinutes === null) return null;
  return new Date(startedAt.getTime() + (timeLimitMinutes + extraMinutes) * MINUTE_MS);
}

/** An unsubmitted attempt whose time is up: it takes no more answers and counts as submitted at its deadline. */
export function isExpired(attempt: Pick<AttemptTimes, "deadline" | "submittedAt">, now: Date): boolean {
  return attempt.submittedAt === null && attempt.deadline !== null && now > attempt.deadline;
}

/** When the attempt was handed in: its own time, or its deadline once expired; null while open. */
export function handedInAt(attempt: Pick<AttemptTimes, "deadline" | "submittedAt">, now: Date): Date | null {
  if (attempt.submittedAt) return attempt.submittedAt;
  return isExpired(attempt, now) ? attempt.deadline : null;
}

/** Still taking answers at `now`. */
export function isOpen(attempt: Pick<AttemptTimes, "deadline" | "submittedAt">, now: Date): boolean {
  return attempt.submittedAt === null && !isExpired(attempt, now);
}

export function isLate(submittedAt: Date, dueAt: Date): boolean {
  return submittedAt > dueAt;
}

/**
 * The student's status. An open attempt wins ("in progress", even on a second try); then any
 * hand-in: "submitted" if one was on time, else "late"; then the clock: "upcoming" before it
 * opens, "missing" once due, else "not started".
 */
export function studentStatus(
  assignment: AssignmentTimes,
  extension: ExtensionTimes | null | undefined,
  attempts: readonly AttemptTimes[],
  now: Date,
): StudentStatus {
  if (attempts.some((a) => isOpen(a, now))) return "in_progress";
  const due = effectiveDueAt(assignment, extension);
  const handedIn = attempts.map((a) => handedInAt(a, now)).filter((d): d is Date => d !== null);
  if (handedIn.length > 0) return handedIn.some((d) => !isLate(d, due)) ? "submitted" : "late";
  if (now < assignment.opensAt) return "upcoming";
  return now > due ? "missing" : "not_started";
}

export type StartRefusal = "notOpen" | "noAttemptsLeft";

/**
 * Why a new attempt may not start, or null when it may. Starting after the due date is allowed
 * (the work is then late); an open attempt is resumed, not started again (the caller checks).
 */
export function startRefusal(assignment: AssignmentTimes, attemptCount: number, now: Date): StartRefusal | null {
  if (now < assignment.opensAt) return "notOpen";
  if (attemptCount >= assignment.attemptsAllowed) return "noAttemptsLeft";
  return null;
}

/**
 * Whether a student's hand-ins show the answer key (expected answers, explanations): never while
 * an attempt is open; with "each", after every hand-in; by default ("final") once no attempts
 * remain, so a key seen after one try cannot make the next one perfect. Late work stays open
 * (startRefusal), so the due date alone releases nothing.
 */
export function answerKeyShown(
  assignment: Pick<AssignmentTimes, "attemptsAllowed"> & { answerKey: "final" | "each" },
  attemptCount: number,
  hasOpenAttempt: boolean,
): boolean {
  if (hasOpenAttempt) return false;
  return assignment.answerKey === "each" || attemptCount >= assignment.attemptsAllowed;
}

/** Share of the credit over all questions (0-1); unanswered questions count as 0. */
export function attemptScore(answerScores: readonly number[], questionCount: number): number {
  if (questionCount === 0) return 0;
  const total = answerScores.reduce((sum, s) => sum + Math.min(1, Math.max(0, s)), 0);
  return Math.round((total / questionCount) * 10_000) / 10_000;
}

/** The grade of a student with several attempts: the best one (Moodle's default). */
export function bestScore(attempts: readonly Pick<AttemptTimes, "score">[]): number | null {
  let best: number | null = null;
  for (const a of attempts) if (a.score !== null && (best === null || a.score > best)) best = a.score;
  return best;
}

/** Status counts of a class, every status present (zero when none). */
export function countStatuses(statuses: readonly StudentStatus[]): Record<StudentStatus, number> {
  const counts = Object.fromEntries(studentStatuses.map((s) => [s, 0])) as Record<StudentStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

export type AssignmentState = "draft" | "scheduled" | "open" | "closed";

/** Where an assignment stands for its teacher: a draft, published but not open yet, open, or past due. */
export function assignmentState(a: { publishedAt: Date | null; opensAt: Date; dueAt: Date }, now: Date): AssignmentState {
  if (a.publishedAt === null) return "draft";
  if (now < a.opensAt) return "scheduled";
  return now > a.dueAt ? "closed" : "open";
}
