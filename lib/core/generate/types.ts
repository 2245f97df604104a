import type { FactKind } from "@/lib/core/content/schema";

export type QuestionForm = "mc" | "tf" | "typed" | "numeric" | "order" | "multi" | "match";

export const questionForms: readonly QuestionForm[] = ["mc", "tf", "typed", "numeric", "order", "multi", "match"];

/** The two answers of a true/false question. */
export const TRUE = "正确";
export const FALSE = "错误";

/**
 * One generated question. Field order is the export order (see scripts/bank-export.ts).
 *
 * `answer` contract: a string for mc, tf ("正确"/"错误"), typed and numeric; the correct set
 * for multi; the correct order for order; `"left => right"` strings (in `pairs` order) for match.
 * `choices` is present for mc, multi, order and match; `accept` lists the other answers the
 * grader takes for typed and numeric.
 */
export interface Question {
  /** Stable hash of `${pack}/${factId}/${form}/${variant}`: a learner's history survives regeneration. */
  id: string;
  pack: string;
  factId: string;
  kind: FactKind;
  form: QuestionForm;
  prompt: string;
  choices?: string[];
  answer: string | string[];
  accept?: string[];
  /** Why the answer is right; mentions a dispute in the source where there is one. */
  explanation: string;
  section: string;
  /**
   * The scheduled unit within the fact (event "date", quantity "value", set "items"…). Every
   * facet that is generated has at least two forms.
   */
  facet: string;
  /** Distinguishes several questions of one form on one fact ("year", "reverse", "item-3"). */
  variant: string;
  /** numeric: absolute tolerance in `unit` (0 for exact). */
  tolerance?: number;
  /** numeric: the unit the answer is in (`万亿元`, `%`, `比例` for fractions such as 1/4). */
  unit?: string;
  /** match: the left prompts in order; `choices` holds the right-hand options. */
  pairs?: { left: string; right: string }[];
}

export interface GenerateOptions {
  /** Options of a multiple-choice question, 3 or 4 (default 4). */
  mcOptions?: 3 | 4;
  /** Items of an order question (default 4 for timelines, up to 6 for ordered sets). */
  orderSize?: number;
  /** Pairs of a match question (default up to 5). */
  matchSize?: number;
}

/** Separator of a match answer: `"芜湖 => 安徽省"`. */
export const MATCH_SEPARATOR = " => ";
