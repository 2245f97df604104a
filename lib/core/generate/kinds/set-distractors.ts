/**
 * Where the distractors of list questions come from: the items of the pack's other lists (and
 * members of its memberships), ranked for each list by how plausible they look next to its
 * items. Each list used to rebuild and re-sort the whole pool, and to compare every candidate
 * with every item, twin and parent list: quadratic in the pack's size. Here the pool is indexed
 * once per pack; a list keeps only what differs for it (the few candidates it must not offer,
 * the few that move), and a ranking reads only as far into the pool as its reader does.
 */
import type { SetFact } from "@/lib/core/content/schema";
import type { PackContext } from "../context";
import { provinceOf, provinceOfCity } from "../gazetteer";
import type { Rng } from "../hash";
import { AlikeIndex, ClashIndex } from "../lookup";
import { clash, clause, keyOf, splitName } from "../text";

type PlaceKind = "city" | "province" | undefined;

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

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Number of items of an ascending list below `x`. */
function countBelow(sorted: ArrayLike<number>, x: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((sorted[mid] as number) < x) a = mid + 1;
    else b = mid;
  }
  return a;
}

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

function setIndex(ctx: PackContext): SetIndex {
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
function twinSets(ctx: PackContext, f: SetFact): Set<number> {
  const index = setIndex(ctx);
  const own = index.position.get(f);
  return new Set(index.names.alike(f.name).filter((i) => i !== own));
}

/** The sets above and below `f` in that hierarchy, transitively (positions). */
function lineage(ctx: PackContext, f: SetFact): { above: Set<number>; below: Set<number> } {
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

// ---- what makes a candidate too close to an item ------------------------------------------------


const bigramSets = new Map<string, Set<string>>();

function bigramSet(text: string): Set<string> {
  let out = bigramSets.get(text);
  if (out) return out;
  const chars = [...keyOf(text)];
  out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (bigramSets.size > 200_000) bigramSets.clear();
  bigramSets.set(text, out);
  return out;
}

const genericCache = new WeakMap<PackContext, Set<string>>();

/**
 * Bigrams so common among the pack's list items that sharing one says nothing about the topic
 * (发展, 推进, 一体, 机制, 长三…): those used by at least 6 different items.
 */
function genericBigrams(ctx: PackContext): Set<string> {
  const cached = genericCache.get(ctx);
  if (cached) return cached;
  const items = new Set<string>();
  for (const s of ctx.sets) for (const i of s.items) items.add(i.term);
  for (const m of ctx.memberships) for (const member of Object.values(m.groups).flat()) items.add(member);
  const df = new Map<string, number>();
  for (const t of items) for (const g of bigramSet(t)) df.set(g, (df.get(g) ?? 0) + 1);
  const generic = new Set([...df].filter(([, n]) => n >= 6).map(([g]) => g));
  genericCache.set(ctx, generic);
  return generic;
}

/** A text as tooClose compares it: the characters and the bigrams of its key. */
interface Grams {
  chars: string[];
  grams: Set<string>;
}

const gramsOf = (text: string): Grams => ({ chars: [...keyOf(text)], grams: bigramSet(text) });

/**
 * Too close to an item to be certainly wrong, though not equal: two short words sharing a
 * character other than their last (资金 / 资本, 大商务 / 高端商务), or phrases sharing a
 * bigram that is not common in the pack (惠民一卡通 / 公共服务一卡通, 太湖流域水环境综合治理 /
 * 重点流域水污染防治): they are likely about the same thing in other words. Prepared once per
 * item, then asked of many candidates.
 */
function tooCloseTo(ctx: PackContext, item: string): (candidate: Grams) => boolean {
  const b = [...keyOf(item)];
  const head = new Set(b.slice(0, -1));
  const generic = genericBigrams(ctx);
  const other = bigramSet(item);
  return ({ chars: a, grams: mine }) => {
    if (a.length <= 4 && b.length <= 4) {
      for (let k = 0; k < a.length - 1; k++) if (head.has(a[k] as string)) return true;
    }
    let shared = 0;
    for (const g of mine) {
      if (!other.has(g)) continue;
      if (!generic.has(g)) return true;
      shared++;
    }
    // Phrases made of the same common words read alike even without a rare bigram.
    return mine.size + other.size > 0 && (2 * shared) / (mine.size + other.size) >= 0.5;
  };
}


// ---- the pool, indexed once per pack ------------------------------------------------------------

/** An item of a list, or a member of a membership, where it stands in the pack. */
interface Occurrence {
  entry: number;
  text: string;
  top: string;
  /** The list (its position) or the membership (sets.length + its position) it belongs to. */
  source: number;
}

/** What a candidate's plausibility score depends on, besides its ending. */
interface Shape {
  len: number;
  top: string;
  kind: PlaceKind;
}

/** One candidate: a comparison key, as its first occurrence in the pack shows it. */
interface Entry extends Shape, Grams {
  text: string;
  /** Its occurrences, ascending; the first is where the pool lists it. */
  occurrences: number[];
}

/** Candidates of one shape (and, in the by-ending maps, one ending), ascending. */
interface Group {
  shape: Shape;
  entries: Int32Array;
}

/**
 * The candidates of the whole pack. Hot loops read the typed arrays (first occurrence, endings,
 * bigram count of each entry) rather than the entry objects.
 */
interface ItemIndex {
  occurrences: Occurrence[];
  /** Occurrences of each source: [start, end). */
  ranges: [number, number][];
  entries: Entry[];
  /** First occurrence of each entry (ascending, as entries are numbered in that order). */
  firsts: Int32Array;
  /** Last two characters and last one of each entry, numbered (see endings). */
  last2: Int32Array;
  last1: Int32Array;
  /** Number of distinct bigrams of each entry's key. */
  gramCount: Int32Array;
  entryOf: Map<string, number>;
  endings: Map<string, number>;
  clashes: ClashIndex;
  /** Entries by each bigram of their key, fewest bigrams first. */
  byBigram: Map<string, Int32Array>;
  /** Entries of at most four characters, by each character of theirs but the last. */
  byHead: Map<string, Int32Array>;
  shapes: Group[];
  /** Shape groups of the entries with a given ending (numbered). */
  byLast2: Map<number, Group[]>;
  byLast1: Map<number, Group[]>;
  /** Scratch marks for visiting each suspect once (see suspects). */
  seen: Int32Array;
  visit: number;
}

const ending = (text: string, n: number) => [...text].slice(-n).join("");

const itemIndexes = new WeakMap<PackContext, ItemIndex>();

function itemIndex(ctx: PackContext): ItemIndex {
  const cached = itemIndexes.get(ctx);
  if (cached) return cached;
  const occurrences: Occurrence[] = [];
  const ranges: [number, number][] = [];
  const entries: Entry[] = [];
  const firsts: number[] = [];
  const last2: number[] = [];
  const last1: number[] = [];
  const entryOf = new Map<string, number>();
  const endings = new Map<string, number>();
  const endingId = (e: string) => {
    let id = endings.get(e);
    if (id === undefined) endings.set(e, (id = endings.size));
    return id;
  };
  const add = (text: string, section: string, source: number) => {
    const key = keyOf(text);
    let entry = entryOf.get(key);
    if (entry === undefined) {
      entry = entries.length;
      entryOf.set(key, entry);
      firsts.push(occurrences.length);
      last2.push(endingId(ending(text, 2)));
      last1.push(endingId(ending(text, 1)));
      entries.push({ text, top: topSection(section), len: [...text].length, kind: placeKind(text), ...gramsOf(text), occurrences: [] });
    }
    (entries[entry] as Entry).occurrences.push(occurrences.length);
    occurrences.push({ entry, text, top: topSection(section), source });
  };
  ctx.sets.forEach((o, i) => {
    const start = occurrences.length;
    for (const item of o.items) add(item.term, o.section, i);
    ranges.push([start, occurrences.length]);
  });
  // Members of the pack's memberships are items of other lists too (太湖, 巢湖 for a list of lakes).
  ctx.memberships.forEach((m, i) => {
    const start = occurrences.length;
    for (const member of Object.values(m.groups).flat()) add(member, m.section, ctx.sets.length + i);
    ranges.push([start, occurrences.length]);
  });

  const gramCount = Int32Array.from(entries, (e) => e.grams.size);
  const byBigram = new Map<string, number[]>();
  const byHead = new Map<string, number[]>();
  const shapeGroups = new Map<number, Map<string, { shape: Shape; entries: number[] }>>();
  const byLast2 = new Map<number, Map<string, { shape: Shape; entries: number[] }>>();
  const byLast1 = new Map<number, Map<string, { shape: Shape; entries: number[] }>>();
  const group = (maps: typeof byLast2, k: number, e: Entry, i: number) => {
    if (!maps.has(k)) maps.set(k, new Map());
    const map = maps.get(k) as Map<string, { shape: Shape; entries: number[] }>;
    const id = `${e.len}\u0000${e.top}\u0000${e.kind ?? ""}`;
    let g = map.get(id);
    if (!g) map.set(id, (g = { shape: { len: e.len, top: e.top, kind: e.kind }, entries: [] }));
    g.entries.push(i);
  };
  entries.forEach((e, i) => {
    for (const g of e.grams) push(byBigram, g, i);
    if (e.chars.length <= 4) for (const ch of new Set(e.chars.slice(0, -1))) push(byHead, ch, i);
    group(shapeGroups, 0, e, i);
    group(byLast2, last2[i] as number, e, i);
    group(byLast1, last1[i] as number, e, i);
  });
  const frozen = (m: Map<string, { shape: Shape; entries: number[] }>) =>
    [...m.values()].map((g) => ({ shape: g.shape, entries: Int32Array.from(g.entries) }));
  const index: ItemIndex = {
    occurrences,
    ranges,
    entries,
    firsts: Int32Array.from(firsts),
    last2: Int32Array.from(last2),
    last1: Int32Array.from(last1),
    gramCount,
    entryOf,
    endings,
    clashes: new ClashIndex(entries.map((e) => e.text)),
    byBigram: new Map(
      [...byBigram].map(([g, list]) => [g, Int32Array.from(list.sort((a, b) => (gramCount[a] as number) - (gramCount[b] as number) || a - b))]),
    ),
    byHead: new Map([...byHead].map(([ch, list]) => [ch, Int32Array.from(list)])),
    shapes: frozen(shapeGroups.get(0) ?? new Map()),
    byLast2: new Map([...byLast2].map(([k, m]) => [k, frozen(m)])),
    byLast1: new Map([...byLast1].map(([k, m]) => [k, frozen(m)])),
    seen: new Int32Array(entries.length),
    visit: 0,
  };
  itemIndexes.set(ctx, index);
  return index;
}

/**
 * The entries too close to `item` (see tooCloseTo), found through what they must share with it.
 * A short word (four characters or fewer) sharing one of its characters but the last with a
 * short item is too close outright: those are read from the by-character index. The others come
 * as suspects, each checked with `tooClose`: entries sharing any bigram that is not generic, or,
 * for phrases of common words, enough bigrams. A phrase of |A| bigrams reads like the item's
 * |B| when they share at least (|A| + |B|) / 4, so it shares one of the item's rarest
 * |B| − ⌈(|A| + |B|) / 4⌉ + 1 bigrams: the i-th rarest (from 0) is looked up only for phrases of
 * at most 3|B| − 4i bigrams (the lists are sorted by that).
 */
function forEachTooClose(ctx: PackContext, index: ItemIndex, item: string, tooClose: (c: Grams) => boolean, visit: (e: number) => void) {
  const mark = ++index.visit;
  const seen = index.seen;
  const chars = [...keyOf(item)];
  if (chars.length <= 4) {
    for (const ch of new Set(chars.slice(0, -1))) {
      for (const e of index.byHead.get(ch) ?? []) {
        if (seen[e] === mark) continue;
        seen[e] = mark;
        visit(e);
      }
    }
  }
  const once = (e: number) => {
    if (seen[e] === mark) return;
    seen[e] = mark;
    if (tooClose(index.entries[e] as Entry)) visit(e);
  };
  const generic = genericBigrams(ctx);
  const grams = [...bigramSet(item)].map((g) => ({ g, list: index.byBigram.get(g) })).sort((a, b) => (a.list?.length ?? 0) - (b.list?.length ?? 0) || (a.g < b.g ? -1 : a.g > b.g ? 1 : 0));
  grams.forEach(({ g, list }, i) => {
    if (!list) return;
    const most = generic.has(g) ? 3 * grams.length - 4 * i : Infinity;
    for (const e of list) {
      if ((index.gramCount[e] as number) > most) break;
      once(e);
    }
  });
}

// ---- one list's pool ----------------------------------------------------------------------------

/** A candidate outside the shape groups (moved to a later occurrence, or a place), with its rank. */
interface Extra {
  text: string;
  score: number;
  rank: number;
}

/**
 * A shape group as one list scores it. An entry is scored in one group only, the one with the
 * best bonus: an ending-of-two group (skip 0), else an ending-of-one group (skip 1, which leaves
 * out the entries of ending-of-two groups), else its shape group (skip 2, which leaves out both).
 */
interface ScoredGroup {
  score: number;
  entries: Int32Array;
  skip: 0 | 1 | 2;
}

/** Items sorted by a number as far as they are read: a binary heap, emptied into a sorted prefix. */
class LazySorted<T> {
  private readonly sorted: T[] = [];

  constructor(
    private readonly heap: T[],
    private readonly key: (item: T) => number,
  ) {
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  at(i: number): T | undefined {
    while (this.sorted.length <= i && this.heap.length > 0) {
      const top = this.heap[0] as T;
      const last = this.heap.pop() as T;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.down(0);
      }
      this.sorted.push(top);
    }
    return this.sorted[i];
  }

  private down(i: number) {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.key(h[l] as T) < this.key(h[m] as T)) m = l;
      if (r < h.length && this.key(h[r] as T) < this.key(h[m] as T)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as T, h[i] as T];
      i = m;
    }
  }
}

/**
 * The pool of one list. In the pack order of the pool (the order the jitter is drawn in), a
 * candidate's rank is its position among the entries, less the entries removed before it, plus
 * the moved ones inserted before it; places come last.
 */
interface ItemPool {
  f: SetFact;
  size: number;
  /** Entries not in the pool at their first occurrence (a bit each), and the same, ascending. */
  removed: Uint32Array;
  removedSorted: Int32Array;
  /** Occurrences at which moved entries are listed, ascending. */
  insertedAt: Int32Array;
  extras: Extra[];
  groups: LazySorted<ScoredGroup>;
  /** The endings of the list's items (numbered). */
  endings2: number[];
  endings1: number[];
}

const isSet = (bits: Uint32Array, i: number) => ((bits[i >>> 5] as number) & (1 << (i & 31))) !== 0;

const currentPool = new WeakMap<PackContext, ItemPool>();

/**
 * The pool of `f`. Only the last list's pool is kept: every question of a list is made before
 * the next list's (and a pool per list of a large pack would not fit in memory).
 */
function itemPool(ctx: PackContext, f: SetFact): ItemPool {
  const cached = currentPool.get(ctx);
  if (cached?.f === f) return cached;
  const pool = buildPool(ctx, f);
  currentPool.set(ctx, pool);
  return pool;
}

function buildPool(ctx: PackContext, f: SetFact): ItemPool {
  const index = itemIndex(ctx);
  const sets = setIndex(ctx);
  const own = f.items.map((i) => i.term);
  const kinds = new Set(own.map(placeKind));
  const places = !kinds.has(undefined);
  const twins = twinSets(ctx, f);
  const { above, below } = lineage(ctx, f);
  const names = [f.name, ...[...above, ...below].sort((a, b) => a - b).map((i) => (ctx.sets[i] as SetFact).name)].map(
    (n) => splitName(clause(n)).core,
  );
  const avg = own.reduce((n, t) => n + [...t].length, 0) / own.length;
  const fTop = topSection(f.section);
  // Items that end like the set's items read as the same sort of thing (…流域, …能力, …湖).
  const endings2 = new Set(own.map((t) => ending(t, 2)));
  const endings1 = new Set(own.map((t) => ending(t, 1)));
  const score = (s: Shape, bonus: number) =>
    Math.abs(s.len - avg) / Math.max(2, avg) +
    (s.top === fTop ? 0 : 0.5) +
    (places ? (kinds.has(s.kind) ? 0 : 5) : s.kind !== undefined ? 5 : 0) -
    bonus;
  const bonusOf = (text: string) => (endings2.has(ending(text, 2)) ? 1.2 : endings1.has(ending(text, 1)) ? 0.4 : 0);
  const close = own.map((t) => tooCloseTo(ctx, t));
  const doomed = (text: string) =>
    own.some((t, i) => clash(t, text) || (close[i] as (c: Grams) => boolean)(gramsOf(text))) || names.some((n) => clash(n, text));

  const removed = new Uint32Array((index.entries.length + 31) >>> 5);
  const removedList: number[] = [];
  const remove = (e: number) => {
    if (isSet(removed, e)) return;
    removed[e >>> 5] = (removed[e >>> 5] as number) | (1 << (e & 31));
    removedList.push(e);
  };
  // Entries clashing with or too close to an item, or clashing with a name of the lineage: each
  // item is checked only against the entries it could be close to. (Whether an entry is doomed
  // depends on its key only, not on which occurrence shows it.)
  own.forEach((t, i) => {
    for (const e of index.clashes.clashing(t)) remove(e);
    forEachTooClose(ctx, index, t, close[i] as (c: Grams) => boolean, remove);
  });
  for (const n of names) for (const e of index.clashes.clashing(n)) remove(e);

  // Sources that give no distractors: the list itself, its twins, the lists below it, and
  // memberships that name the same thing. An entry first seen in one of them is listed at its
  // next occurrence, if any (unless doomed).
  const skipped = new Set<number>([sets.position.get(f) as number, ...twins, ...below]);
  for (const m of sets.memberships.alike(f.name)) skipped.add(ctx.sets.length + m);
  const sourceOf = (o: number) => (index.occurrences[o] as Occurrence).source;
  const seen = new Set<number>();
  const gone = new Set<number>();
  const stay: number[] = [];
  for (const source of skipped) {
    const [start, end] = index.ranges[source] as [number, number];
    for (let o = start; o < end; o++) {
      const e = (index.occurrences[o] as Occurrence).entry;
      const entry = index.entries[e] as Entry;
      if (seen.has(e)) continue;
      seen.add(e);
      if (!skipped.has(sourceOf(entry.occurrences[0] as number))) continue;
      const next = entry.occurrences.find((x) => !skipped.has(sourceOf(x)));
      if (next === undefined) gone.add(e);
      else if (!isSet(removed, e)) stay.push(next);
      remove(e);
    }
  }
  const insertedAt = Int32Array.from(stay).sort();
  const removedSorted = Int32Array.from(removedList).sort();
  const extras: Extra[] = [];
  for (const o of stay) {
    const { text, top } = index.occurrences[o] as Occurrence;
    // Entries (and so survivors) listed before occurrence o.
    const before = countBelow(index.firsts, o);
    const rank = before - countBelow(removedSorted, before) + countBelow(insertedAt, o);
    extras.push({ text, score: score({ len: [...text].length, top, kind: placeKind(text) }, bonusOf(text)), rank });
  }
  let size = index.entries.length - removedSorted.length + insertedAt.length;
  if (places) {
    const listed = new Set<string>();
    const offer = (c: string) => {
      const key = keyOf(c);
      const e = index.entryOf.get(key);
      if ((e !== undefined && !gone.has(e)) || listed.has(key)) return;
      listed.add(key);
      if (doomed(c)) return;
      extras.push({ text: c, score: score({ len: [...c].length, top: fTop, kind: placeKind(c) }, bonusOf(c)), rank: size++ });
    };
    if (kinds.has("city")) for (const c of ctx.mentionedCities) offer(c);
    if (kinds.has("province")) for (const p of ctx.mentionedProvinces) offer(p);
  }

  const ids = (endings: Set<string>) => [...endings].flatMap((e) => index.endings.get(e) ?? []);
  const ends2 = ids(endings2);
  const ends1 = ids(endings1);
  const groups: ScoredGroup[] = [];
  for (const e2 of ends2) for (const g of index.byLast2.get(e2) ?? []) groups.push({ score: score(g.shape, 1.2), entries: g.entries, skip: 0 });
  for (const e1 of ends1) for (const g of index.byLast1.get(e1) ?? []) groups.push({ score: score(g.shape, 0.4), entries: g.entries, skip: 1 });
  for (const g of index.shapes) groups.push({ score: score(g.shape, 0), entries: g.entries, skip: 2 });
  return {
    f,
    size,
    removed,
    removedSorted,
    insertedAt,
    extras,
    groups: new LazySorted(groups, (g) => g.score),
    endings2: ends2,
    endings1: ends1,
  };
}

/** A ranked candidate: plausibility score plus jitter, then text, then rank (a stable sort's order). */
interface Ranked {
  value: number;
  text: string;
  rank: number;
}

const before = (a: Ranked, b: Ranked) => a.value - b.value || a.text.localeCompare(b.text) || a.rank - b.rank;

/**
 * The `want` best candidates of the pool, in order. A candidate's value is its score plus a
 * jitter in [0, 1), so once `want` are held, a group scoring above the worst of them cannot
 * place one: groups are read best first and the reading stops there.
 */
function head(ctx: PackContext, pool: ItemPool, draw: (k: number) => number, want: number): Ranked[] {
  const index = itemIndex(ctx);
  const out: Ranked[] = [];
  const offer = (value: number, text: string, rank: number) => {
    const c = { value, text, rank };
    if (out.length >= want) {
      if (before(c, out[out.length - 1] as Ranked) >= 0) return;
      out.pop();
    }
    let a = 0;
    let b = out.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (before(out[mid] as Ranked, c) < 0) a = mid + 1;
      else b = mid;
    }
    out.splice(a, 0, c);
  };
  for (const x of pool.extras) offer(x.score + draw(x.rank + 1), x.text, x.rank);
  const { removed, removedSorted, insertedAt } = pool;
  for (let k = 0; ; k++) {
    const g = pool.groups.at(k);
    if (!g || (out.length >= want && g.score > (out[out.length - 1] as Ranked).value)) break;
    const list = g.entries;
    if (list.length === 0) continue;
    // Entries are ascending: the counts of removed and inserted entries before each only grow.
    let removedBefore = countBelow(removedSorted, list[0] as number);
    let insertedBefore = countBelow(insertedAt, index.firsts[list[0] as number] as number);
    for (const e of list) {
      if (isSet(removed, e)) continue;
      if (g.skip >= 1 && pool.endings2.includes(index.last2[e] as number)) continue;
      if (g.skip === 2 && pool.endings1.includes(index.last1[e] as number)) continue;
      while (removedBefore < removedSorted.length && (removedSorted[removedBefore] as number) < e) removedBefore++;
      const first = index.firsts[e] as number;
      while (insertedBefore < insertedAt.length && (insertedAt[insertedBefore] as number) < first) insertedBefore++;
      const rank = e - removedBefore + insertedBefore;
      const value = g.score + draw(rank + 1);
      // Most candidates fall behind the worst held: no need to build them.
      if (out.length >= want && value > (out[out.length - 1] as Ranked).value) continue;
      offer(value, (index.entries[e] as Entry).text, rank);
    }
  }
  return out;
}

/**
 * Items of other lists that can stand as wrong options for `f`'s items, most plausible first:
 * same part of the source, similar length, same ending, places for places; jittered by `rng`
 * (one draw per candidate, in pool order, as a sort of the whole pool by score + draw would
 * do). Read lazily: readers take a handful.
 */
export function itemDistractors(ctx: PackContext, f: SetFact, rng: Rng): Iterable<string> {
  const pool = itemPool(ctx, f);
  const draw = rng.draws(pool.size);
  return {
    *[Symbol.iterator]() {
      let read = 0;
      for (let want = 16; ; want *= 4) {
        const best = head(ctx, pool, draw, want);
        for (; read < best.length; read++) yield (best[read] as Ranked).text;
        if (best.length < want) return;
      }
    },
  };
}

// ---- glosses ------------------------------------------------------------------------------------

/** The glossed items of the pack's lists, in pack order, indexed once per pack. */
export interface Glossary {
  /** Each item's gloss, as a clause. */
  glosses: string[];
  /** The list (position) each belongs to. */
  sets: Int32Array;
  /** Each list's glossed items: [start, end) in pack order. */
  ofSet: [number, number][];
  /** Top section → number; the positions of the items in it, and of those not in it, ascending. */
  topOf: Map<string, number>;
  inTop: Int32Array[];
  outOfTop: Int32Array[];
  /** Every position (0, 1, 2…). */
  all: Int32Array;
  /** The items' terms. */
  terms: ClashIndex;
  /** Room for the lists glossPositions gives (reused: a gloss question reads them at once). */
  scratch: [Int32Array, Int32Array];
}

const glossaries = new WeakMap<PackContext, Glossary>();

export function glossary(ctx: PackContext): Glossary {
  let g = glossaries.get(ctx);
  if (!g) {
    const items = ctx.sets.flatMap((s, i) => s.items.flatMap((item) => (item.gloss ? [{ item, set: i, top: topSection(s.section) }] : [])));
    const topOf = new Map<string, number>();
    for (const x of items) if (!topOf.has(x.top)) topOf.set(x.top, topOf.size);
    const tops = items.map((x) => topOf.get(x.top) as number);
    const ofSet: [number, number][] = ctx.sets.map(() => [0, 0]);
    items.forEach((x, i) => {
      const range = ofSet[x.set] as [number, number];
      if (range[1] === 0) range[0] = i;
      range[1] = i + 1;
    });
    const positions = items.map((_, i) => i);
    g = {
      glosses: items.map((x) => clause(x.item.gloss as string)),
      sets: Int32Array.from(items, (x) => x.set),
      ofSet,
      topOf,
      inTop: [...topOf.values()].map((t) => Int32Array.from(positions.filter((i) => tops[i] === t))),
      outOfTop: [...topOf.values()].map((t) => Int32Array.from(positions.filter((i) => tops[i] !== t))),
      all: Int32Array.from(positions),
      terms: new ClashIndex(items.map((x) => x.item.term)),
      scratch: [new Int32Array(items.length), new Int32Array(items.length)],
    };
    glossaries.set(ctx, g);
  }
  return g;
}

/** `positions` (ascending) without those in `left` (ascending), copied into `room`. */
function without(positions: Int32Array, left: readonly number[], room: Int32Array): Int32Array {
  let n = 0;
  let from = 0;
  for (const p of left) {
    const at = countBelow(positions, p);
    if (positions[at] !== p) continue;
    room.set(positions.subarray(from, at), n);
    n += at - from;
    from = at + 1;
  }
  room.set(positions.subarray(from), n);
  return room.subarray(0, n + positions.length - from);
}

/**
 * Positions of the glossed items whose term does not clash with `term`, in pack order: those in
 * the top section `top` but not of the list `self` (same), and those outside it (rest). Without
 * a section, every item is in rest. Copies of the prebuilt lists, less the few clashing items,
 * into the glossary's scratch arrays: valid until the next call.
 */
export function glossPositions(g: Glossary, term: string, self?: number, top?: string): { same: Int32Array; rest: Int32Array } {
  const clashing = g.terms.clashing(term); // ascending
  const [forSame, forRest] = g.scratch;
  const t = top === undefined ? undefined : g.topOf.get(top);
  if (t === undefined) return { same: forSame.subarray(0, 0), rest: without(g.all, clashing, forRest) };
  const [start, end] = self === undefined ? [0, 0] : (g.ofSet[self] ?? [0, 0]);
  const own = Array.from({ length: end - start }, (_, i) => start + i);
  const left = [...new Set([...clashing, ...own])].sort((a, b) => a - b);
  return { same: without(g.inTop[t] as Int32Array, left, forSame), rest: without(g.outOfTop[t] as Int32Array, clashing, forRest) };
}

/** Position of a list in the pack. */
export function setPosition(ctx: PackContext, f: SetFact): number {
  return setIndex(ctx).position.get(f) as number;
}
