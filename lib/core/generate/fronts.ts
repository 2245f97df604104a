import type { Question } from "./types";

// Whether an mc is meant to be answered from its options, by the generator's variants (the same
// for every pack). A recall mc asks for something the prompt alone determines (a year, a term, a
// definition, a group): a flashcard front shows its prompt only. A choice-bound one names its
// answer only relative to the options ("which of these is not…", "which of these belongs to X"
// when X has several members): a front without them could not be answered.

/** mc variants whose answer is defined by the options offered. */
const CHOICE_BOUND = [/^outsider$/, /^member-\d+$/];
/** mc variants answerable from the prompt alone. */
const RECALL = [/^year$/, /^reverse$/, /^place$/, /^issuer$/, /^value$/, /^label-\d+$/, /^item-\d+$/, /^pos-\d+$/, /^definition$/, /^term$/];

/** True for an mc whose options are needed to answer it; false for every other question. */
export function answeredFromChoices(q: Pick<Question, "form" | "variant">): boolean {
  return q.form === "mc" && CHOICE_BOUND.some((r) => r.test(q.variant));
}

/** Whether an mc's variant is classified (a new generator variant must be put in one list). */
export function classifiedMcVariant(variant: string): boolean {
  return [...CHOICE_BOUND, ...RECALL].some((r) => r.test(variant));
}
