import { describe, expect, it } from "vitest";
import type { EventFact, Fact } from "@/lib/core/content/schema";
// The real content gives the indexes realistic texts to answer for (see bank.test.ts).
// eslint-disable-next-line no-restricted-imports
import { readPacks } from "@/lib/server/content/read-packs";
import { buildContext, DistinctValues } from "./context";
import { glossary, glossLists } from "./kinds/glossary";
import { topSection } from "./kinds/set-lineage";
import { rngFor } from "./hash";
import { AlikeIndex, ClashIndex } from "./lookup";
import { clash, SAME_THING, similarity } from "./text";

// The indexes and the random-access draws exist only to make generation fast: each must answer
// exactly what the plain computation it replaces would, or the bank would change.

function textsOf(f: Fact): string[] {
  switch (f.kind) {
    case "event":
      return [f.what, f.where ?? ""];
    case "quantity":
      return [f.subject];
    case "set":
      return [f.name, ...f.items.flatMap((i) => [i.term, i.gloss ?? ""])];
    case "membership":
      return [f.name, ...Object.entries(f.groups).flat(2)];
    case "document":
      return [f.title, f.issuer ?? ""];
    case "term":
      return [f.term, f.definition];
  }
}

const packs = readPacks();
const facts = packs.flatMap((p) => p.facts);
const edgeCases = ["", "。", "A", "长", "长江", "长三角", "“长三角”", "長三角", "1982年", "一九八二年", "二十七个", "27", "ab", "abc", "b"];
const texts = [...new Set([...facts.flatMap(textsOf), ...edgeCases])];
// Queries: every text of the pack would be slow to check against all; a spread of them is enough.
const queries = [...texts.filter((_, i) => i % 7 === 0), ...edgeCases];

describe("ClashIndex", () => {
  const index = new ClashIndex(texts);
  it("finds exactly the texts that clash", () => {
    for (const q of queries) {
      const expected = texts.flatMap((t, i) => (clash(q, t) ? [i] : []));
      expect(index.clashing(q), q).toEqual(expected);
    }
  });
});

describe("AlikeIndex", () => {
  it("finds exactly the texts as alike as the threshold", () => {
    for (const threshold of [SAME_THING, 0.3, 0.9]) {
      const index = new AlikeIndex(texts, threshold);
      for (const q of queries) {
        const expected = texts.flatMap((t, i) => (similarity(q, t) >= threshold ? [i] : []));
        expect(index.alike(q), `${q} @ ${threshold}`).toEqual(expected);
      }
    }
  });
});

describe("DistinctValues", () => {
  it("gives the distinct values of every fact but one, in order of first appearance", () => {
    const events = facts.filter((f): f is EventFact => f.kind === "event");
    // Places repeated, and a fact that is the first of its value: the cases where leaving it out moves things.
    const sample = [...events, ...events.slice(0, 5).map((e, i) => ({ ...e, id: `${e.id}-again-${i}` }))];
    const values = new DistinctValues(sample, (o) => o.where);
    for (const f of sample) {
      const expected = [...new Set(sample.flatMap((o) => (o.id !== f.id && o.where ? [o.where] : [])))];
      expect(values.without(f), f.id).toEqual(expected);
    }
  });
});

describe("glossLists", () => {
  it("gives the glosses another list's question may use, and their number before building them", () => {
    const ctx = buildContext(packs[0] as (typeof packs)[number]);
    const g = glossary(ctx);
    const items = ctx.sets.flatMap((s, set) => s.items.flatMap((i) => (i.gloss ? [{ term: i.term, set, top: topSection(s.section) }] : [])));
    ctx.sets.forEach((f, self) => {
      for (const { term } of f.items.filter((i) => i.gloss)) {
        const { same, rest } = glossLists(g, term, self, topSection(f.section));
        const usable = items.flatMap((x, i) => (x.set !== self && !clash(x.term, term) ? [{ ...x, i }] : []));
        const expectedSame = usable.filter((x) => x.top === topSection(f.section)).map((x) => x.i);
        const expectedRest = usable.filter((x) => x.top !== topSection(f.section)).map((x) => x.i);
        expect([...same.build()], term).toEqual(expectedSame);
        expect(same.length).toBe(expectedSame.length);
        expect([...rest.build()], term).toEqual(expectedRest);
        expect(rest.length).toBe(expectedRest.length);
      }
    });
    // Without a list and a section (a term's question): every gloss whose term does not clash.
    for (const t of ctx.terms) {
      const { same, rest } = glossLists(g, t.term);
      const expected = items.flatMap((x, i) => (clash(x.term, t.term) ? [] : [i]));
      expect(same.length).toBe(0);
      expect([...rest.build()], t.term).toEqual(expected);
      expect(rest.length).toBe(expected.length);
    }
  });
});

describe("Rng draws taken at once", () => {
  const seeds = ["a", "yrd/hist-1982/reverse", "长三角"];

  it("draws(n) gives the next n draws and moves past them", () => {
    for (const seed of seeds) {
      const plain = rngFor(seed);
      const expected = Array.from({ length: 50 }, () => plain.next());
      const fast = rngFor(seed);
      const draw = fast.draws(50);
      expect(Array.from({ length: 50 }, (_, k) => draw(k + 1))).toEqual(expected);
      expect(fast.next()).toBe(plain.next());
    }
  });

  it("order(n) is the order of shuffle(), and moves past its draws", () => {
    for (const seed of seeds) {
      for (const n of [0, 1, 2, 3, 17, 1000]) {
        const items = Array.from({ length: n }, (_, i) => i);
        const plain = rngFor(seed);
        const expected = plain.shuffle(items);
        const fast = rngFor(seed);
        const order = fast.order(n);
        // Drawing on after taking the order does not change it.
        expect(fast.next()).toBe(plain.next());
        expect(Array.from({ length: n }, (_, i) => order.at(i))).toEqual(expected);
      }
    }
  });
});
