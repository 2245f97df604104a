import type { Pack } from "@/lib/core/content/schema";
import { generateBank, type Question } from "@/lib/core/generate";
import { readPacks } from "./read-packs";

export interface Bank {
  packs: Pack[];
  questions: Question[];
  /** Question by id. */
  byId: ReadonlyMap<string, Question>;
  /** Questions of a fact, by `${pack}/${factId}`. */
  byFact: ReadonlyMap<string, readonly Question[]>;
}

let cached: Bank | undefined;

/**
 * The packs of content/ and their generated questions, built once per process (content only
 * changes with a deploy). Throws ContentError when a pack is invalid, as readPacks does.
 */
export function getBank(): Bank {
  if (!cached) cached = buildBank(readPacks());
  return cached;
}

export function buildBank(packs: Pack[]): Bank {
  const questions = generateBank(packs);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const byFact = new Map<string, Question[]>();
  for (const q of questions) {
    const key = `${q.pack}/${q.factId}`;
    const list = byFact.get(key);
    if (list) list.push(q);
    else byFact.set(key, [q]);
  }
  return { packs, questions, byId, byFact };
}

/** Forgets the cached bank (tests, or a content reload in development). */
export function resetBank(): void {
  cached = undefined;
}
