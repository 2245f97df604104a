import "server-only";
import type { Question } from "@/lib/core/generate";
import type { NewFacet } from "@/lib/core/schedule";
import { topicOf } from "@/lib/features/decks/data";
import { getBank } from "@/lib/server/content/bank";

export interface FacetIndex {
  /** Every facet of the bank, in bank order. */
  facets: NewFacet[];
  /** Questions of each facet, by `facetKey`. */
  questions: ReadonlyMap<string, readonly Question[]>;
  /** Facet count per topic, per pack: the denominator of mastery and predicted recall. */
  countByTopic(pack?: string): Record<string, number>;
}

export function facetKey(f: { pack: string; factId: string; facet: string }): string {
  return `${f.pack}/${f.factId}/${f.facet}`;
}

let cached: FacetIndex | undefined;

/** The scheduled units of the bank (derived once per process, like the bank). */
export function getFacetIndex(): FacetIndex {
  if (cached) return cached;
  const facets: NewFacet[] = [];
  const questions = new Map<string, Question[]>();
  for (const q of getBank().questions) {
    const key = facetKey(q);
    const list = questions.get(key);
    if (list) {
      list.push(q);
      continue;
    }
    questions.set(key, [q]);
    facets.push({ pack: q.pack, factId: q.factId, facet: q.facet, topic: topicOf(q.section) });
  }
  cached = {
    facets,
    questions,
    countByTopic(pack) {
      const counts: Record<string, number> = {};
      for (const f of facets) if (!pack || f.pack === pack) counts[f.topic] = (counts[f.topic] ?? 0) + 1;
      return counts;
    },
  };
  return cached;
}
