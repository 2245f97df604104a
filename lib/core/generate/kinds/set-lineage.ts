/**
 * The pack's lists as a whole: where each stands (its position, its top section), which lists
 * name the same list twice (twins), and which lie above or below it (lineage: an item of one
 * named in another's name); and what sort of place an item is. Indexed once per pack; read by
 * set-distractors.ts (which lists give no distractors, which names doom a candidate), by
 * set-items.ts (sections, places), glossary.ts (sections) and set.ts.
 */
import type { SetFact } from "@/lib/core/content/schema";
import type { PackContext } from "../context";
import { provinceOf, provinceOfCity } from "../gazetteer";
import { AlikeIndex, ClashIndex } from "../lookup";
import { keyOf } from "../text";

// ---- places and sections ------------------------------------------------------------------------

export type PlaceKind = "city" | "province" | undefined;

const placeKinds = new Map<string, PlaceKind>();

/** "city", "province" or undefined: a list of places gets places of the same sort as distractors. */
export function placeKind(t: string): PlaceKind {
  if (placeKinds.has(t)) return placeKinds.get(t);
  const kind = provinceOfCity(t) !== undefined ? "city" : provinceOf(t) !== undefined ? "province" : undefined;
  placeKinds.set(t, kind);
  return kind;
}

export const isPlace = (t: string) => placeKind(t) !== undefined;

/** The first part of a section path (「发展历史 / 规划协调阶段」 → 「发展历史」). */
export const topSection = (section: string) => section.split("/")[0]?.trim() ?? section;

// ---- the pack's lists: twins and lineage --------------------------------------------------------

interface SetIndex {
  position: Map<SetFact, number>;
  names: AlikeIndex;
  memberships: AlikeIndex;
  /** Positions of each list's children and parents (see childrenOf). */
  children: number[][];
  parents: number[][];
}

const setIndexes = new WeakMap<PackContext, SetIndex>();

export function setIndex(ctx: PackContext): SetIndex {
  let index = setIndexes.get(ctx);
  if (!index) {
    const names = new ClashIndex(ctx.sets.map((o) => o.name));
    const children = childrenOf(ctx, names);
    const parents: number[][] = ctx.sets.map(() => []);
    children.forEach((list, a) => list.forEach((b) => parents[b]?.push(a)));
    index = {
      position: new Map(ctx.sets.map((o, i) => [o, i])),
      names: new AlikeIndex(ctx.sets.map((o) => o.name)),
      memberships: new AlikeIndex(ctx.memberships.map((m) => m.name)),
      children,
      parents,
    };
    setIndexes.set(ctx, index);
  }
  return index;
}

/**
 * Parent → children among the pack's sets: set B is a child of set A when an item of A (of four
 * characters or more) appears in B's name (「推进环境协同防治」 is a task; 「推进环境协同防治的
 * 具体方面」 lists its parts).
 */
function childrenOf(ctx: PackContext, names: ClashIndex): number[][] {
  return ctx.sets.map((a, ai) => {
    const found = new Set<number>();
    for (const i of a.items) {
      const k = keyOf(i.term);
      if (k.length >= 4) for (const b of names.containing(k)) if (b !== ai) found.add(b);
    }
    return [...found].sort((x, y) => x - y);
  });
}

/** Sets that name the same list as `f` (the source tells some lists twice): never a source of distractors. */
export function twinSets(ctx: PackContext, f: SetFact): Set<number> {
  const index = setIndex(ctx);
  const own = index.position.get(f);
  return new Set(index.names.alike(f.name).filter((i) => i !== own));
}

/** The sets above and below `f` in that hierarchy, transitively (positions). */
export function lineage(ctx: PackContext, f: SetFact): { above: Set<number>; below: Set<number> } {
  const index = setIndex(ctx);
  const start = index.position.get(f) as number;
  const walk = (next: number[][]) => {
    const seen = new Set<number>();
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      for (const n of next[queue[q] as number] ?? []) {
        if (seen.has(n) || n === start) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return seen;
  };
  return { above: walk(index.parents), below: walk(index.children) };
}

/** Position of a list in the pack. */
export function setPosition(ctx: PackContext, f: SetFact): number {
  return setIndex(ctx).position.get(f) as number;
}
