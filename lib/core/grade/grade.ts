import type { Question } from "@/lib/core/generate/types";
import { normalizeAnswer, shiftDecimal, toSimplified } from "./normalize";
import { parseChineseNumber } from "./numerals";

/** ts-fsrs Rating values (Rating.Again = 1, Rating.Hard = 2, Rating.Good = 3); checked in tests. */
export const AGAIN = 1;
export const HARD = 2;
export const GOOD = 3;
export type GradeRating = typeof AGAIN | typeof HARD | typeof GOOD;

export interface GradeResult {
  correct: boolean;
  /** Partly right (multi, order, match): rated Hard rather than Again. */
  partial: boolean;
  /** Share of the credit, 0..1 (1 when correct). */
  score: number;
  rating: GradeRating;
  expected: string | string[];
}

/** A string for mc, tf, typed and numeric; a list for multi, order and match ("left => right"). */
export type Response = string | readonly string[];

/**
 * Grades one answer. Auto-graded answers map to FSRS ratings: wrong → Again, right → Good,
 * partly right (multi, order, match only) → Hard.
 */
export function gradeAnswer(question: Question, response: Response): GradeResult {
  switch (question.form) {
    case "mc":
      return single(question, normalizeAnswer(asText(response)) === normalizeAnswer(asText(question.answer)));
    case "tf":
      return single(question, readTrueFalse(asText(response)) === readTrueFalse(asText(question.answer)));
    case "typed":
      return single(question, typedMatches(question, asText(response)));
    case "numeric":
      return single(question, numericMatches(question, asText(response)));
    case "multi":
      return gradeMulti(question, asList(response));
    case "order":
      return gradeOrder(question, asList(response));
    case "match":
      return gradeMatch(question, asList(response));
  }
}

function asText(value: Response): string {
  return typeof value === "string" ? value : value.join("");
}

function asList(value: Response): string[] {
  return typeof value === "string" ? [value] : [...value];
}

function result(question: Question, correct: boolean, partial: boolean, score: number): GradeResult {
  const rating: GradeRating = correct ? GOOD : partial ? HARD : AGAIN;
  return { correct, partial: !correct && partial, score: correct ? 1 : clamp01(score), rating, expected: question.answer };
}

function single(question: Question, correct: boolean): GradeResult {
  return result(question, correct, false, correct ? 1 : 0);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
}

const TRUE_WORDS = ["正确", "对", "是", "真", "√", "✓", "✔", "true", "t", "yes", "y", "1", "o"];
const FALSE_WORDS = ["错误", "错", "否", "不对", "假", "×", "✗", "✘", "x", "false", "f", "no", "n", "0"];

/** 正确 / 对 / √ / true… → true; 错误 / 错 / × / false… → false; anything else → undefined. */
export function readTrueFalse(text: string): boolean | undefined {
  const t = toSimplified(text.normalize("NFKC")).trim().toLowerCase().replace(/[。.!！\s]+$/u, "");
  if (TRUE_WORDS.includes(t)) return true;
  if (FALSE_WORDS.includes(t)) return false;
  return undefined;
}

function typedMatches(question: Question, response: string): boolean {
  const got = normalizeAnswer(response);
  if (got.length === 0) return false;
  const expected = [asText(question.answer), ...(question.accept ?? [])];
  return expected.some((e) => normalizeAnswer(e) === got);
}

const APPROX_PREFIX = /^(?:大约|大概|约|近|将近|接近|超过|超|逾|差不多|第)/u;
const APPROX_SUFFIX = /(?:左右|以上|上下|多)$/u;
const MEASURE_WORDS = /(?:个|座|项|家|条|人|名|所|次|位|种|份|件|届|轮|类|处)$/u;

/**
 * Reads a numeric answer in the question's unit: 29, 29万亿元, 二十九, 37%, 百分之三十七,
 * 1/4, 四分之一, 0.25 and, for a share (`比例`), 25%. Returns null when it is not a number.
 */
export function parseNumericAnswer(text: string, unit?: string): number | null {
  let s = toSimplified(text.normalize("NFKC")).replace(/[\s,，]+/gu, "").replace(/。$/u, "");
  s = s.replace(APPROX_PREFIX, "").replace(APPROX_SUFFIX, "");
  if (unit && unit !== "%" && unit !== "比例" && s.endsWith(unit)) s = s.slice(0, -unit.length);
  s = s.replace(APPROX_SUFFIX, "").replace(MEASURE_WORDS, "");
  let percent = false;
  const chinesePercent = /^百分之(.+)$/u.exec(s);
  if (chinesePercent?.[1]) {
    s = chinesePercent[1];
    percent = true;
  } else if (s.endsWith("%")) {
    s = s.slice(0, -1);
    percent = true;
  }
  const value = readPlainNumber(s);
  if (value === null) return null;
  // A percentage answers a share (比例) question as a fraction: 25% = 1/4.
  if (percent && unit === "比例") return value / 100;
  return value;
}

function readPlainNumber(s: string): number | null {
  if (s.length === 0) return null;
  const fraction = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/u.exec(s);
  if (fraction?.[1] && fraction[2]) {
    const d = Number(fraction[2]);
    return d === 0 ? null : Number(fraction[1]) / d;
  }
  const chineseFraction = /^(.+)分之(.+)$/u.exec(s);
  if (chineseFraction?.[1] && chineseFraction[2]) {
    const d = readPlainNumber(chineseFraction[1]);
    const n = readPlainNumber(chineseFraction[2]);
    return d === null || n === null || d === 0 ? null : n / d;
  }
  const arabic = /^(\d+(?:\.\d+)?)(万亿|亿|万)?$/u.exec(s);
  if (arabic?.[1]) {
    const unit = arabic[2];
    return Number(unit ? shiftDecimal(arabic[1], unit === "万亿" ? 12 : unit === "亿" ? 8 : 4) : arabic[1]);
  }
  return parseChineseNumber(s);
}

function numericMatches(question: Question, response: string): boolean {
  const expected = parseNumericAnswer(asText(question.answer), question.unit);
  const got = parseNumericAnswer(response, question.unit);
  if (expected === null || got === null) return typedMatches(question, response);
  const tolerance = question.tolerance ?? 0;
  return Math.abs(got - expected) <= tolerance + 1e-9 * Math.max(1, Math.abs(expected));
}

/**
 * Multi: correct when the picked set equals the correct set. Partial (Hard) when at least half
 * of the correct set is picked and at most one wrong option is: a learner who knows most of a
 * list but slips once is not sent back to the start. Score = (right picks − wrong picks) / size
 * of the correct set.
 */
function gradeMulti(question: Question, response: string[]): GradeResult {
  const correct = new Set(asList(question.answer).map(normalizeAnswer));
  const picked = new Set(response.map(normalizeAnswer).filter((s) => s.length > 0));
  let hits = 0;
  let wrong = 0;
  for (const p of picked) {
    if (correct.has(p)) hits++;
    else wrong++;
  }
  const all = hits === correct.size && wrong === 0;
  const partial = hits * 2 >= correct.size && wrong <= 1 && hits > 0;
  return result(question, all, partial, (hits - wrong) / correct.size);
}

/** Length of the longest common subsequence: the items already in the right relative order. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Order: correct when every item is in place. "In correct relative position" = the largest set
 * of items that already stand in the right order relative to each other (the longest common
 * subsequence with the answer; the others must be moved). Partial (Hard) when that set holds
 * MORE than half of the items: one item out of place in four still counts, a random shuffle of
 * four usually does not (almost any shuffle keeps two items in order, so "half" would be too
 * lenient). Score = (LCS − 1) / (n − 1): a reversed order scores 0.
 */
function gradeOrder(question: Question, response: string[]): GradeResult {
  const expected = asList(question.answer).map(normalizeAnswer);
  const got = response.map(normalizeAnswer);
  const n = expected.length;
  const exact = got.length === n && got.every((g, i) => g === expected[i]);
  const lcs = longestCommonSubsequence(got, expected);
  const partial = lcs * 2 > n;
  return result(question, exact, partial, n <= 1 ? (exact ? 1 : 0) : (lcs - 1) / (n - 1));
}

/** Splits `"left => right"`; also takes `->`, `=`, `：` and `:` as separators. */
export function splitPair(text: string): [string, string] | undefined {
  for (const sep of ["=>", "->", "→", "＝＞", "=", "：", ":"]) {
    const at = text.indexOf(sep);
    if (at > 0) return [text.slice(0, at), text.slice(at + sep.length)];
  }
  return undefined;
}

/**
 * Match: correct when every left item is paired with its right item. Like multi, a match that
 * is more than half right is partial (Hard); score = share of right pairs.
 */
function gradeMatch(question: Question, response: string[]): GradeResult {
  const expected = new Map<string, string>();
  for (const pair of asList(question.answer)) {
    const split = splitPair(pair);
    if (split) expected.set(normalizeAnswer(split[0]), normalizeAnswer(split[1]));
  }
  const given = new Map<string, string>();
  for (const pair of response) {
    const split = splitPair(pair);
    if (split) given.set(normalizeAnswer(split[0]), normalizeAnswer(split[1]));
  }
  let right = 0;
  for (const [left, rightSide] of expected) if (given.get(left) === rightSide) right++;
  const n = expected.size;
  const all = n > 0 && right === n;
  return result(question, all, right * 2 > n, n === 0 ? 0 : right / n);
}
