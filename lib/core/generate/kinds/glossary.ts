/**
 * The glossed items of the pack's lists, and the glosses that can stand as wrong explanations of
 * a term: glosses of items whose term does not clash with it, from the same top section first.
 * Indexed once per pack; read by set.ts and term.ts.
 */
import { skipping, type PackContext, type Positional } from "../context";
import { ClashIndex, countBelow } from "../lookup";
import { clause } from "../text";
import { topSection } from "./set-lineage";

/** The glossed items of the pack's lists, in pack order, indexed once per pack. */
export interface Glossary {
  /** Each item's gloss, as a clause. */
  glosses: string[];
  /** Each list's glossed items: [start, end) in pack order. */
  ofSet: [number, number][];
  /** Top section → number; each item's, and the positions of the items in each and not in it, ascending. */
  topOf: Map<string, number>;
  tops: Int32Array;
  inTop: Int32Array[];
  outOfTop: Int32Array[];
  /** Every position (0, 1, 2…). */
  all: Int32Array;
  /** The items' terms. */
  terms: ClashIndex;
}

const glossaries = new WeakMap<PackContext, Glossary>();

export function glossary(ctx: PackContext): Glossary {
  let g = glossaries.get(ctx);
  if (!g) {
    const items = ctx.sets.flatMap((s, i) =>
      s.items.flatMap((item) => (item.gloss ? [{ item, set: i, top: topSection(s.section) }] : [])),
    );
    const topOf = new Map<string, number>();
    for (const x of items) if (!topOf.has(x.top)) topOf.set(x.top, topOf.size);
    const tops = Int32Array.from(items, (x) => topOf.get(x.top) as number);
    const ofSet: [number, number][] = ctx.sets.map(() => [0, 0]);
    items.forEach((x, i) => {
      const range = ofSet[x.set] as [number, number];
      if (range[1] === 0) range[0] = i;
      range[1] = i + 1;
    });
    const positions = items.map((_, i) => i);
    g = {
      glosses: items.map((x) => clause(x.item.gloss as string)),
      ofSet,
      topOf,
      tops,
      inTop: [...topOf.values()].map((t) => new Int32Array(positions.filter((i) => tops[i] === t))),
      outOfTop: [...topOf.values()].map((t) => new Int32Array(positions.filter((i) => tops[i] !== t))),
      all: new Int32Array(positions),
      terms: new ClashIndex(items.map((x) => x.item.term)),
    };
    glossaries.set(ctx, g);
  }
  return g;
}

/**
 * `positions` (ascending) without those in `left` (ascending, each one of them), as a view (see
 * skipping): its reader takes a few of a list as long as the pack's glosses.
 */
function without(positions: Int32Array, left: readonly number[]): Positional<number> & Iterable<number> {
  return skipping(positions, left.map((p) => countBelow(positions, p)));
}

/** A list of positions known by its length, built when needed (see shuffledLater). */
export interface LaterList {
  length: number;
  build: () => Positional<number> & Iterable<number>;
}

/**
 * Positions of the glossed items whose term does not clash with `term`, in pack order: those in
 * the top section `top` but not of the list `self` (same), and those outside it (rest). Without
 * a section, every item is in rest. Only their lengths are worked out now (from the few clashing
 * items); a list is copied from the prebuilt ones if it is read.
 */
export function glossLists(g: Glossary, term: string, self?: number, top?: string): { same: LaterList; rest: LaterList } {
  const clashing = g.terms.clashing(term); // ascending
  const t = top === undefined ? undefined : g.topOf.get(top);
  if (t === undefined) {
    return {
      same: { length: 0, build: () => new Int32Array(0) },
      rest: { length: g.all.length - clashing.length, build: () => without(g.all, clashing) },
    };
  }
  const [start, end] = self === undefined ? [0, 0] : (g.ofSet[self] ?? [0, 0]);
  const own = Array.from({ length: end - start }, (_, i) => start + i);
  const sameLeft = [...new Set([...clashing.filter((i) => g.tops[i] === t), ...own])].sort((a, b) => a - b);
  const restLeft = clashing.filter((i) => g.tops[i] !== t);
  const inTop = g.inTop[t] as Int32Array;
  const outOfTop = g.outOfTop[t] as Int32Array;
  return {
    same: { length: inTop.length - sameLeft.length, build: () => without(inTop, sameLeft) },
    rest: { length: outOfTop.length - restLeft.length, build: () => without(outOfTop, restLeft) },
  };
}
