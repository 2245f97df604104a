import { rngFor } from "@/lib/core/generate/hash";
import type { QuestionForm } from "@/lib/core/generate/types";

/** What selection needs of a bank question; `topic` is its section's top-level heading. */
export interface Candidate {
  id: string;
  pack: string;
  factId: string;
  form: QuestionForm;
  /** The scheduled unit within the fact: a redraw asks another question of the same facet. */
  facet: string;
  topic: string;
  /** A redraw prefers another wording: a typed and a numeric question can share one. */
  prompt?: string;
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

/** The matching candidates by fact, each fact's list sorted by id (independent of bank order). */
function factsOf(candidates: readonly Candidate[], filter: Omit<SelectionFilter, "count">): Map<string, Candidate[]> {
  const byFact = new Map<string, Candidate[]>();
  for (const c of candidates.filter(matches(filter))) {
    const list = byFact.get(c.factId);
    if (list) list.push(c);
    else byFact.set(c.factId, [c]);
  }
  for (const list of byFact.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return byFact;
}

/**
 * One question of a fact, in the form used least so far among the fact's forms (ties drawn from
 * the fact's own seed), so forms spread over the set: a pack where most facts have a true/false
 * question does not give a quiz of mostly true/false. Counts `used` in.
 */
function pickSpread(options: readonly Candidate[], used: Map<QuestionForm, number>, seed: string): Candidate {
  const rng = rngFor(seed);
  const forms = [...new Set(options.map((o) => o.form))].sort();
  const fewest = Math.min(...forms.map((f) => used.get(f) ?? 0));
  const form = rng.pick(forms.filter((f) => (used.get(f) ?? 0) === fewest));
  const pick = rng.pick(options.filter((o) => o.form === form));
  if (!pick) throw new Error(`no question for fact ${options[0]?.factId}`);
  used.set(pick.form, (used.get(pick.form) ?? 0) + 1);
  return pick;
}

/**
 * The questions of an assignment: at most one per fact, so no fact is asked twice. Deterministic
 * in `seed` (the assignment id): the preview shows exactly what publishing fixes. Facts are
 * shuffled by the seed and the first `count` taken; each fact takes the form least used by the
 * facts before it (see pickSpread), so asking for more questions keeps the ones already chosen.
 */
export function selectQuestions(candidates: readonly Candidate[], filter: SelectionFilter, seed: string): string[] {
  const byFact = factsOf(candidates, filter);
  // Sorted first, so the result does not depend on the order the bank lists questions in.
  const facts = rngFor(seed).shuffle([...byFact.keys()].sort());
  const chosen = filter.count === null ? facts : facts.slice(0, filter.count);
  const used = new Map<QuestionForm, number>();
  return chosen.map((factId) => pickSpread(byFact.get(factId) ?? [], used, `${seed}/${factId}`).id);
}

/**
 * A teacher's swap of one question in a draft's list. "facet": the next question of the same
 * facet in the chosen forms (another form or variant), cycling; "fact": a question of a fact the
 * list does not ask yet, in the least used form. Null when there is none.
 */
export function swapQuestion(
  candidates: readonly Candidate[],
  filter: Omit<SelectionFilter, "count">,
  list: readonly string[],
  questionId: string,
  to: "facet" | "fact",
  seed: string,
): string | null {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const current = byId.get(questionId);
  if (!current) return null;
  const byFact = factsOf(candidates, filter);
  if (to === "facet") {
    const same = (byFact.get(current.factId) ?? []).filter((c) => c.facet === current.facet);
    const next = same[(same.findIndex((c) => c.id === questionId) + 1) % Math.max(1, same.length)];
    return next && next.id !== questionId ? next.id : null;
  }
  const askedFacts = new Set(list.map((id) => byId.get(id)?.factId));
  const free = [...byFact.keys()].sort().filter((f) => !askedFacts.has(f));
  const factId = rngFor(`${seed}/${list.join(",")}`).pick(free);
  if (factId === undefined) return null;
  const used = new Map<QuestionForm, number>();
  for (const id of list) {
    const c = id === questionId ? undefined : byId.get(id);
    if (c) used.set(c.form, (used.get(c.form) ?? 0) + 1);
  }
  return pickSpread(byFact.get(factId) ?? [], used, `${seed}/${factId}`).id;
}

/**
 * The questions of a new attempt in "redraw" mode: for each published question, another question
 * of the same facet in the assignment's forms, preferring one the student was not asked in an
 * earlier attempt; the published question itself when its facet has no other. Positions are kept,
 * so item k is always about the same facet.
 */
export function redrawQuestions(
  candidates: readonly Candidate[],
  forms: readonly QuestionForm[],
  published: readonly string[],
  askedBefore: ReadonlySet<string>,
  seed: string,
): string[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const formSet = new Set(forms);
  const byFacet = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!formSet.has(c.form)) continue;
    const key = `${c.pack}/${c.factId}/${c.facet}`;
    byFacet.set(key, [...(byFacet.get(key) ?? []), c]);
  }
  return published.map((id) => {
    const q = byId.get(id);
    if (!q) return id;
    const others = (byFacet.get(`${q.pack}/${q.factId}/${q.facet}`) ?? []).filter((c) => c.id !== id).sort((a, b) => a.id.localeCompare(b.id));
    const fresh = others.filter((c) => !askedBefore.has(c.id));
    const rng = rngFor(`${seed}/${id}`);
    const prefer = (list: Candidate[], test: (c: Candidate) => boolean) => (list.some(test) ? list.filter(test) : list);
    // Not asked yet, then another wording, then another form: a variant of the same form reads
    // much like the question already seen.
    const pool = prefer(prefer(fresh.length > 0 ? fresh : others, (c) => c.prompt !== q.prompt), (c) => c.form !== q.form);
    return (rng.pick(pool) ?? q).id;
  });
}

/** A new attempt's order in "shuffle" mode: the same questions, shuffled by the attempt's seed. */
export function shuffledQuestions(published: readonly string[], seed: string): string[] {
  return rngFor(seed).shuffle(published);
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
