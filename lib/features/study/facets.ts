import "server-only";
import { sha256Hex, type Question } from "@/lib/core/generate";
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
  /**
   * A facet's place in `facets`, or undefined. Nested maps rather than `facetKey`: every queue
   * read looks up each of the learner's cards, and a key string per card fed the GC that sets
   * the queue's p95 (bench/README.md, due queue).
   */
  position(pack: string, factId: string, facet: string): number | undefined;
}

export function facetKey(f: { pack: string; factId: string; facet: string }): string {
  return `${f.pack}/${f.factId}/${f.facet}`;
}

/**
 * The id a facet's card gets at the learner's first review. Fuzz is seeded by the card id, so the
 * queue, which shows a new facet's intervals before the card exists, needs the id it will have.
 */
export function newCardId(userId: string, f: { pack: string; factId: string; facet: string }): string {
  return `c${sha256Hex(`${userId}/${facetKey(f)}`).slice(0, 24)}`;
}

let cached: FacetIndex | undefined;

/** The scheduled units of the bank (derived once per process, like the bank). */
export function getFacetIndex(): FacetIndex {
  if (cached) return cached;
  const facets: NewFacet[] = [];
  const questions = new Map<string, Question[]>();
  const positions = new Map<string, Map<string, Map<string, number>>>();
  for (const q of getBank().questions) {
    const key = facetKey(q);
    const list = questions.get(key);
    if (list) {
      list.push(q);
      continue;
    }
    questions.set(key, [q]);
    const byFact = positions.get(q.pack) ?? new Map<string, Map<string, number>>();
    const byFacet = byFact.get(q.factId) ?? new Map<string, number>();
    byFacet.set(q.facet, facets.length);
    byFact.set(q.factId, byFacet);
    positions.set(q.pack, byFact);
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
    position: (pack, factId, facet) => positions.get(pack)?.get(factId)?.get(facet),
  };
  return cached;
}
