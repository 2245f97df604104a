import type { QuestionForm } from "@/lib/core/generate/types";
import type { Response } from "@/lib/core/grade";
import { studentStatus, type AssignmentTimes, type ExtensionTimes, type StudentStatus } from "@/lib/core/assignments/status";
import { countedAttempt, type ReportAttempt } from "./attempts";
import { isBlank, optionsOf, picksOption, responseKey } from "./responses";

/**
 * Item analysis of one assignment, over each student's counted attempt (./attempts.ts):
 *
 * - facility: share of the counted attempts that answered the question correctly (an unanswered
 *   question counts as not correct; partial credit is not correct).
 * - discrimination: facility among the upper third of the students, ranked by the counted
 *   attempt's score, minus facility among the lower third; from −1 to 1, higher means the question
 *   separates strong from weak students. Each third holds exactly n/3 students' worth of weight:
 *   students tied on score share their places equally, so a tie across a boundary puts each of
 *   them partly in the third (e.g. two students tied on places 2 and 3 of a top third of 2 each
 *   count one half). That is the average over every order of the tied students, so the result does
 *   not depend on an arbitrary tie-break. With fewer than MIN_STUDENTS_FOR_DISCRIMINATION counted
 *   attempts there are no thirds to compare and it is null.
 * - options (mc and tf): how many counted attempts picked each option, the correct one included,
 *   plus no answer (no row, or blank) and other (an answer that is none of the options).
 * - responses (typed and numeric): the TOP_RESPONSES most frequent answers, grouped the way the
 *   grader compares them (responseKey), each shown in its most frequent spelling and marked
 *   correct as graded; the rest count as other, blanks as no answer. Moodle's "response
 *   analysis" does the same for short-answer and numerical questions, so a teacher sees the
 *   common wrong values.
 * - attempts that ask different questions (an assignment whose later attempts shuffle or redraw):
 *   each question is analysed over the counted attempts that asked it, so n may differ from one
 *   question to the next; the thirds are still taken by the counted score over all students.
 * - mastery: met or not met by the counted attempt's score; with nothing handed in there is no
 *   score to judge, so "not_attempted" (Moodle shows "—"), never "not met".
 */

/** Typed and numeric questions list this many of their most frequent responses. */
export const TOP_RESPONSES = 5;

export const MIN_STUDENTS_FOR_DISCRIMINATION = 3;

/** Scores this close are a tie: shares computed as sums of floats need not be bit-equal. */
const TIE = 1e-9;

export interface ItemQuestion {
  id: string;
  form: QuestionForm;
  choices?: readonly string[];
  answer: string | readonly string[];
  /** numeric: the unit responses are read in. */
  unit?: string;
}

export interface ItemAnswer {
  questionId: string;
  response: Response;
  correct: boolean;
  score: number;
}

export interface ItemAttempt extends ReportAttempt {
  answers: readonly ItemAnswer[];
  /** The questions the attempt asked; absent: all of them (attempts of one fixed list). */
  questionIds?: readonly string[];
}

export interface ItemStudent {
  userId: string;
  extension: ExtensionTimes | null;
  attempts: readonly ItemAttempt[];
}

export interface AssignmentAnalysisInput {
  assignment: AssignmentTimes;
  questions: readonly ItemQuestion[];
  students: readonly ItemStudent[];
  /** Share of the credit (0-1) the teacher aims for, or null. */
  masteryGoal: number | null;
  now: Date;
}

export interface StudentResult {
  userId: string;
  status: StudentStatus;
  /** The counted attempt's score (0-1), or null. */
  score: number | null;
  countedNumber: number | null;
  handedInAt: Date | null;
  timeTakenMs: number | null;
  /** Attempts started, submitted or not: what counts against the attempts allowed. */
  attemptsUsed: number;
  /** Null when the assignment has no mastery goal. */
  mastery: Mastery | null;
}

/** Against the mastery goal: met, missed, or nothing handed in yet to judge. */
export type Mastery = "met" | "not_met" | "not_attempted";

/** An option (mc, tf) or a response (typed, numeric) and how many counted attempts gave it. */
export interface OptionCount {
  /** The option, or the response in its most frequent spelling. */
  option: string;
  correct: boolean;
  count: number;
}

export interface QuestionResult {
  id: string;
  /** Counted attempts (the denominator of facility). */
  n: number;
  correct: number;
  /** correct / n, or null when nothing was submitted. */
  facility: number | null;
  discrimination: number | null;
  /** mc and tf only. */
  options: OptionCount[] | null;
  /** typed and numeric only: the most frequent responses, most frequent first. */
  responses: OptionCount[] | null;
  noAnswer: number;
  /** Answers that pick none of the options (mc, tf), or beyond the listed responses (typed, numeric). */
  other: number;
}

export interface AssignmentAnalysis {
  students: StudentResult[];
  questions: QuestionResult[];
  /** Students with a counted attempt. */
  counted: number;
  /** Mean of the counted scores, or null. */
  meanScore: number | null;
  /** Students who met the mastery goal, or null without a goal. */
  masteryMetCount: number | null;
}

export function analyzeAssignment(input: AssignmentAnalysisInput): AssignmentAnalysis {
  const { assignment, masteryGoal, now } = input;
  const students: StudentResult[] = [];
  const counted: { score: number; answers: Map<string, ItemAnswer>; asked: Set<string> | null }[] = [];
  for (const s of input.students) {
    const best = countedAttempt(s.attempts, input.questions.length, now);
    if (best) {
      const asked = best.attempt.questionIds ? new Set(best.attempt.questionIds) : null;
      counted.push({ score: best.score, answers: new Map(best.attempt.answers.map((a) => [a.questionId, a])), asked });
    }
    students.push({
      userId: s.userId,
      status: studentStatus(assignment, s.extension, s.attempts, now),
      score: best?.score ?? null,
      countedNumber: best?.attempt.number ?? null,
      handedInAt: best?.handedInAt ?? null,
      timeTakenMs: best?.timeTakenMs ?? null,
      attemptsUsed: s.attempts.length,
      mastery: masteryGoal === null ? null : !best ? "not_attempted" : best.score + TIE >= masteryGoal ? "met" : "not_met",
    });
  }
  const weights = thirdWeights(counted.map((c) => c.score));
  const questions = input.questions.map((q) => {
    const askedBy = counted.flatMap((c, i) => (c.asked === null || c.asked.has(q.id) ? [i] : []));
    const answers = askedBy.map((i) => counted[i]!.answers.get(q.id));
    const own = weights && askedBy.length >= MIN_STUDENTS_FOR_DISCRIMINATION ? { upper: askedBy.map((i) => weights.upper[i]!), lower: askedBy.map((i) => weights.lower[i]!) } : null;
    return analyzeQuestion(q, answers, own);
  });
  const n = counted.length;
  return {
    students,
    questions,
    counted: n,
    meanScore: n === 0 ? null : counted.reduce((sum, c) => sum + c.score, 0) / n,
    masteryMetCount: masteryGoal === null ? null : students.filter((s) => s.mastery === "met").length,
  };
}

function analyzeQuestion(q: ItemQuestion, answers: readonly (ItemAnswer | undefined)[], weights: ThirdWeights | null): QuestionResult {
  const n = answers.length;
  const correct = answers.filter((a) => a?.correct).length;
  const isCorrect = answers.map((a) => a?.correct === true);
  const given = answers.filter((a): a is ItemAnswer => a !== undefined && !isBlank(a.response));
  const noAnswer = n - given.length;
  let other = 0;
  const form = q.form === "mc" || q.form === "tf" ? q.form : null;
  const options = form && optionsOf(q);
  const counts = options ? options.map((option) => ({ option, correct: isCorrectOption(q, option), count: 0 })) : null;
  if (form && counts) {
    for (const { response } of given) {
      const picked = typeof response === "string" ? counts.find((c) => picksOption(form, response, c.option)) : undefined;
      if (picked) picked.count++;
      else other++;
    }
  }
  const responses = q.form === "typed" || q.form === "numeric" ? topResponses(q, given) : null;
  if (responses) other = responses.rest;
  return {
    id: q.id,
    n,
    correct,
    facility: n === 0 ? null : correct / n,
    discrimination: discriminationOf(isCorrect, weights),
    options: counts,
    responses: responses?.top ?? null,
    noAnswer,
    other,
  };
}

/** The most frequent responses (ties: the first given first) and how many answers are left over. */
function topResponses(q: ItemQuestion, given: readonly ItemAnswer[]): { top: OptionCount[]; rest: number } {
  const groups = new Map<string, { spellings: Map<string, number>; correct: boolean; count: number }>();
  let rest = 0;
  for (const a of given) {
    if (typeof a.response !== "string") {
      rest++;
      continue;
    }
    const key = responseKey(q, a.response);
    const group = groups.get(key) ?? { spellings: new Map<string, number>(), correct: a.correct, count: 0 };
    const spelling = a.response.trim();
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
    group.count++;
    groups.set(key, group);
  }
  // Array.prototype.sort is stable: equal counts keep the order they were first given in.
  const ranked = [...groups.values()].sort((a, b) => b.count - a.count);
  const top = ranked.slice(0, TOP_RESPONSES).map((g) => ({ option: mostFrequent(g.spellings), correct: g.correct, count: g.count }));
  for (const g of ranked.slice(TOP_RESPONSES)) rest += g.count;
  return { top, rest };
}

/** The key counted most often; on a tie, the first one counted. */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = "";
  let most = 0;
  for (const [key, count] of counts) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}

function isCorrectOption(q: ItemQuestion, option: string): boolean {
  if ((q.form !== "mc" && q.form !== "tf") || typeof q.answer !== "string") return false;
  return picksOption(q.form, q.answer, option);
}

export interface ThirdWeights {
  /** Per student (input order), the part of them in the upper third (0-1); sums to n/3. */
  upper: number[];
  lower: number[];
}

/**
 * Each student's membership of the upper and lower thirds by score (see the module comment for
 * ties), or null with fewer than MIN_STUDENTS_FOR_DISCRIMINATION students.
 */
export function thirdWeights(scores: readonly number[]): ThirdWeights | null {
  const n = scores.length;
  if (n < MIN_STUDENTS_FOR_DISCRIMINATION) return null;
  const third = n / 3;
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
  const upper = new Array<number>(n).fill(0);
  const lower = new Array<number>(n).fill(0);
  // Places [start, end) of one block of tied students, best first.
  for (let start = 0, end = 0; start < n; start = end) {
    const first = order[start]!.score;
    while (end < n && first - order[end]!.score <= TIE) end++;
    const size = end - start;
    const inUpper = overlap(start, end, 0, third) / size;
    const inLower = overlap(start, end, n - third, n) / size;
    for (let p = start; p < end; p++) {
      const i = order[p]!.i;
      upper[i] = inUpper;
      lower[i] = inLower;
    }
  }
  return { upper, lower };
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Upper third's facility minus the lower's; null when either third has no one who was asked. */
function discriminationOf(correct: readonly boolean[], weights: ThirdWeights | null): number | null {
  if (!weights) return null;
  const sum = (w: readonly number[]) => w.reduce((a, b) => a + b, 0);
  if (sum(weights.upper) === 0 || sum(weights.lower) === 0) return null;
  return groupFacility(correct, weights.upper) - groupFacility(correct, weights.lower);
}

/** Weighted share correct in one third (weights sum to n/3). */
function groupFacility(correct: readonly boolean[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  correct.forEach((c, i) => {
    const w = weights[i] ?? 0;
    total += w;
    if (c) sum += w;
  });
  return sum / total;
}
