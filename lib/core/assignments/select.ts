import { rngFor } from "@/lib/core/generate/hash";
import type { QuestionForm } from "@/lib/core/generate/types";

/** What selection needs of a bank question; `topic` is its section's top-level heading. */
export interface Candidate {
  id: string;
  pack: string;
  factId: string;
  form: QuestionForm;
  topic: string;
}

export interface SelectionFilter {
  pack: string;
  /** Empty: every topic of the pack. */
  topics: readonly string[];
  forms: readonly QuestionForm[];
  /** null: one question for every matching fact. */
  count: number | null;
}

function matches(filter: Omit<SelectionFilter, "count">) {
  const topics = new Set(filter.topics);
  const forms = new Set(filter.forms);
  return (c: Omit<Candidate, "id">) => c.pack === filter.pack && forms.has(c.form) && (topics.size === 0 || topics.has(c.topic));
}

/**
 * The questions of an assignment: at most one per fact, so no fact is asked twice. Deterministic
 * in `seed` (the assignment id): the preview shows exactly what publishing fixes. Facts are
 * shuffled by the seed and the first `count` taken; each fact's form, then question, is drawn
 * from its own seed, so asking for more questions keeps the ones already chosen.
 */
export function selectQuestions(candidates: readonly Candidate[], filter: SelectionFilter, seed: string): string[] {
  const byFact = new Map<string, Candidate[]>();
  for (const c of candidates.filter(matches(filter))) {
    const list = byFact.get(c.factId);
    if (list) list.push(c);
    else byFact.set(c.factId, [c]);
  }
  // Sorted first, so the result does not depend on the order the bank lists questions in.
  const facts = rngFor(seed).shuffle([...byFact.keys()].sort());
  const chosen = filter.count === null ? facts : facts.slice(0, filter.count);
  return chosen.map((factId) => {
    const options = [...(byFact.get(factId) ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    // A form first, then a question of it: a fact with many true/false variants is not
    // mostly asked as true/false.
    const rng = rngFor(`${seed}/${factId}`);
    const form = rng.pick([...new Set(options.map((o) => o.form))].sort());
    const pick = rng.pick(options.filter((o) => o.form === form));
    if (!pick) throw new Error(`no question for fact ${factId}`);
    return pick.id;
  });
}

/** A fact as the assignment form sees it: its topic and the forms it has questions in. */
export interface FactForms {
  topic: string;
  forms: readonly QuestionForm[];
}

/** How many facts of a pack have a question in the chosen topics and forms: the most questions an assignment can have. */
export function countMatchingFacts(facts: readonly FactForms[], topics: readonly string[], forms: readonly QuestionForm[]): number {
  const topicSet = new Set(topics);
  const formSet = new Set(forms);
  return facts.filter((f) => (topicSet.size === 0 || topicSet.has(f.topic)) && f.forms.some((form) => formSet.has(form))).length;
}
