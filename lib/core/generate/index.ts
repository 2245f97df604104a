import type { Fact, Pack } from "@/lib/core/content/schema";
import { buildContext, toQuestion, validateQuestion, type Draft, type PackContext } from "./context";
import { documentQuestions } from "./kinds/document";
import { eventQuestions } from "./kinds/event";
import { membershipQuestions } from "./kinds/membership";
import { quantityQuestions } from "./kinds/quantity";
import { setQuestions } from "./kinds/set";
import { termQuestions } from "./kinds/term";
import type { GenerateOptions, Question } from "./types";

export type { GenerateOptions, Question, QuestionForm } from "./types";
export { questionForms, TRUE, FALSE, MATCH_SEPARATOR } from "./types";
export { validateQuestion } from "./context";
export { questionId, sha256Hex } from "./hash";

function draftsFor(ctx: PackContext, f: Fact): Draft[] {
  switch (f.kind) {
    case "event":
      return eventQuestions(ctx, f);
    case "quantity":
      return quantityQuestions(ctx, f);
    case "set":
      return setQuestions(ctx, f);
    case "membership":
      return membershipQuestions(ctx, f);
    case "document":
      return documentQuestions(ctx, f);
    case "term":
      return termQuestions(ctx, f);
  }
}

/**
 * The questions of one fact: every draft turned into a question, those failing an invariant
 * dropped, then every facet with fewer than two forms dropped (a review shows a facet in a form
 * other than last time, so a facet needs two).
 */
export function factQuestions(ctx: PackContext, f: Fact): Question[] {
  const questions = draftsFor(ctx, f)
    .map((d) => toQuestion(ctx, f, d))
    .filter((q) => validateQuestion(q) === undefined);
  const forms = new Map<string, Set<string>>();
  for (const q of questions) {
    const set = forms.get(q.facet) ?? new Set<string>();
    set.add(q.form);
    forms.set(q.facet, set);
  }
  return questions.filter((q) => (forms.get(q.facet)?.size ?? 0) >= 2);
}

/**
 * Turns packs of facts into questions. Pure and deterministic: the same packs give the same
 * questions, byte for byte (choices are shuffled with a seed derived from the question's fact
 * and form). Facts are taken in pack order, questions of a fact in a fixed form order.
 */
export function generateBank(packs: readonly Pack[], options: GenerateOptions = {}): Question[] {
  const bank: Question[] = [];
  for (const pack of packs) {
    const ctx = buildContext(pack, options);
    for (const f of pack.facts) for (const q of factQuestions(ctx, f)) bank.push(q);
  }
  const q = firstRepeatedId(bank);
  if (q) throw new Error(`duplicate question id ${q.id} (${q.pack}/${q.factId}/${q.form}/${q.variant})`);
  return bank;
}

/**
 * The first question (in bank order) whose id an earlier one has. The ids are compared as
 * numbers (52 bits of each, see idNumber), sorted: a set of the id strings, filled as the bank
 * grew, cost more per id the larger the bank (a table that size is mostly out of the cache).
 * Ids whose numbers are equal are then told apart by the ids themselves.
 */
function firstRepeatedId(bank: readonly Question[]): Question | undefined {
  const numbers = new Float64Array(bank.length);
  for (let i = 0; i < bank.length; i++) numbers[i] = idNumber((bank[i] as Question).id);
  const sorted = numbers.slice().sort();
  const shared = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i] as number);
  if (shared.size === 0) return undefined;
  const seen = new Set<string>();
  for (let i = 0; i < bank.length; i++) {
    if (!shared.has(numbers[i] as number)) continue;
    const q = bank[i] as Question;
    if (seen.has(q.id)) return q;
    seen.add(q.id);
  }
  return undefined;
}

/**
 * An id's first 13 characters read as hex digits (52 bits: an exact number): equal ids give
 * equal numbers. (Any string gives one; for ids of questionId, different ids rarely share one.)
 */
function idNumber(id: string): number {
  let x = 0;
  for (let i = 0; i < 13; i++) {
    const c = id.charCodeAt(i) || 0;
    x = x * 16 + ((c <= 57 ? c - 48 : c - 87) & 15);
  }
  return x;
}

/** Questions per fact id, for callers that need a fact's forms (scheduling picks one per review). */
export function questionsByFact(bank: readonly Question[]): Map<string, Question[]> {
  const map = new Map<string, Question[]>();
  for (const q of bank) {
    const key = `${q.pack}/${q.factId}`;
    const list = map.get(key) ?? [];
    list.push(q);
    map.set(key, list);
  }
  return map;
}
