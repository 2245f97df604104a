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
  const ids = new Set<string>();
  for (const pack of packs) {
    const ctx = buildContext(pack, options);
    for (const f of pack.facts) {
      for (const q of factQuestions(ctx, f)) {
        if (ids.has(q.id)) throw new Error(`duplicate question id ${q.id} (${q.pack}/${q.factId}/${q.form}/${q.variant})`);
        ids.add(q.id);
        bank.push(q);
      }
    }
  }
  return bank;
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
