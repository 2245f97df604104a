/**
 * Where the distractors of list questions come from: the items of the pack's other lists (and
 * members of its memberships), ranked for each list by how plausible they look next to its
 * items. Each list used to rebuild and re-sort the whole pool, and to compare every candidate
 * with every item, twin and parent list: quadratic in the pack's size. Here the pool is indexed
 * once per pack; a list keeps only what differs for it (the few candidates it must not offer,
 * the few that move), and a ranking reads only as far into the pool as its reader does.
 */
import type { SetFact } from "@/lib/core/content/schema";
import { skipping, type PackContext, type Positional } from "../context";
import { provinceOf, provinceOfCity } from "../gazetteer";
import type { Rng } from "../hash";
import { AlikeIndex, ClashIndex, firstWithAtLeast, rarestFirst } from "../lookup";
import { bigramsOf, clash, clause, keyOf, splitName } from "../text";

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
export function countBelow(sorted: ArrayLike<number>, x: number): number {
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

/** The distinct bigrams of a text's key, numbered, ascending (bigramsOf's, with their counts left aside). */
const bigramSet = (text: string): readonly number[] => bigramsOf(text).grams;

const genericCache = new WeakMap<PackContext, Set<number>>();

/**
 * Bigrams so common among the pack's list items that sharing one says nothing about the topic
 * (发展, 推进, 一体, 机制, 长三…): those used by at least 6 different items.
 */
function genericBigrams(ctx: PackContext): Set<number> {
  const cached = genericCache.get(ctx);
  if (cached) return cached;
  const items = new Set<string>();
  for (const s of ctx.sets) for (const i of s.items) items.add(i.term);
  for (const m of ctx.memberships) for (const member of Object.values(m.groups).flat()) items.add(member);
  const df = new Map<number, number>();
  for (const t of items) for (const g of bigramSet(t)) df.set(g, (df.get(g) ?? 0) + 1);
  const generic = new Set([...df].filter(([, n]) => n >= 6).map(([g]) => g));
  genericCache.set(ctx, generic);
  return generic;
}

/** A text as tooClose compares it: the characters and the bigrams of its key. */
interface Grams {
  chars: string[];
  grams: readonly number[];
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
  const other = new Set(bigramSet(item));
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
    return mine.length + other.size > 0 && (2 * shared) / (mine.length + other.size) >= 0.5;
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

/** A shape as the index keeps it: the top section numbered too (scored for every group of every list). */
interface NumberedShape extends Shape {
  topId: number;
}

/** One candidate: a comparison key, as its first occurrence in the pack shows it. */
interface Entry extends Shape {
  text: string;
  /** Its occurrences, ascending; the first is where the pool lists it. */
  occurrences: number[];
}

/** Candidates of one shape (and, in the by-ending maps, one ending), ascending. */
interface Group {
  shape: NumberedShape;
  entries: Int32Array;
  /**
   * The first occurrence and the endings (numbered) of each of its entries, side by side with
   * them: a pool reads a group from end to end, and these read in step rather than at the
   * entries' scattered places in the index's arrays.
   */
  firsts: Int32Array;
  last2: Int32Array;
  last1: Int32Array;
}

/**
 * The groups of one top section and place kind (and, in the by-ending maps, one ending), by
 * length ascending: within a family a group scores better the nearer its length is to the
 * list's average, so a list reads each family outward from there.
 */
interface Family {
  groups: Group[];
  /** The groups' lengths (read by every list to find where to start). */
  lens: Int32Array;
}

/**
 * The candidates of the whole pack. Hot loops read the typed arrays (first occurrence, bigrams
 * of each entry; a group's endings) rather than the entry objects.
 */
interface ItemIndex {
  occurrences: Occurrence[];
  /** Occurrences of each source: [start, end). */
  ranges: [number, number][];
  entries: Entry[];
  /** First occurrence of each entry (ascending, as entries are numbered in that order). */
  firsts: Int32Array;
  /**
   * The distinct bigrams of each entry's key, numbered (ascending), end to end: entry e's are
   * [gramStart[e], gramStart[e + 1]), and there are gramCount[e]. (One array rather than one
   * per entry: checking an entry met in a bigram's list then costs one memory access less.)
   */
  grams: Int32Array;
  gramStart: Int32Array;
  gramCount: Int32Array;
  gramIds: Map<number, number>;
  /** Whether each numbered bigram is generic (see genericBigrams). */
  generic: Uint8Array;
  entryOf: Map<string, number>;
  endings: Map<string, number>;
  /** Top sections, numbered. */
  tops: Map<string, number>;
  clashes: ClashIndex;
  /** Entries by each (numbered) bigram of their key, fewest bigrams first. */
  byGram: Int32Array[];
  /** Entries of at most four characters, by each character of theirs but the last. */
  byHead: Map<string, Int32Array>;
  shapes: Family[];
  /** Families of the entries with a given ending (numbered). */
  byLast2: Map<number, Family[]>;
  byLast1: Map<number, Family[]>;
  /** Scratch marks for checking each suspect once (see markTooClose). */
  seen: Int32Array;
  visit: number;
  /** A bit per entry, set for the entries removed from one pool's (see activate). */
  removed: Uint32Array;
  /** Set bits of `removed` in the words before each word (see removedBelow). */
  removedBefore: Int32Array;
  removedFor?: ItemPool;
  /**
   * The eligible entries of the groups the pool read so far, and their ranks (see eligible):
   * one pair of buffers, grown as needed, for the pool `removedFor` (rather than a pair of
   * arrays per group, or per pool).
   */
  eligibleEntries: Int32Array;
  eligibleRanks: Int32Array;
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
      entries.push({ text, top: topSection(section), len: [...text].length, kind: placeKind(text), occurrences: [] });
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

  const gramIds = new Map<number, number>();
  const gramStart = new Int32Array(entries.length + 1);
  entries.forEach((e, i) => (gramStart[i + 1] = (gramStart[i] as number) + bigramSet(e.text).length));
  const grams = new Int32Array(gramStart[entries.length] as number);
  entries.forEach((e, i) => {
    const own = grams.subarray(gramStart[i] as number, gramStart[i + 1] as number);
    bigramSet(e.text).forEach((g, k) => {
      let id = gramIds.get(g);
      if (id === undefined) gramIds.set(g, (id = gramIds.size));
      own[k] = id;
    });
    own.sort();
  });
  const gramCount = Int32Array.from(entries, (_, i) => (gramStart[i + 1] as number) - (gramStart[i] as number));
  const genericGrams = genericBigrams(ctx);
  const generic = new Uint8Array(gramIds.size);
  for (const [g, id] of gramIds) if (genericGrams.has(g)) generic[id] = 1;
  const byGram: number[][] = Array.from({ length: gramIds.size }, () => []);
  const byHead = new Map<string, number[]>();
  const tops = new Map<string, number>();
  const shapeGroups = new Map<number, Map<string, { shape: NumberedShape; entries: number[] }>>();
  const byLast2 = new Map<number, Map<string, { shape: NumberedShape; entries: number[] }>>();
  const byLast1 = new Map<number, Map<string, { shape: NumberedShape; entries: number[] }>>();
  const group = (maps: typeof byLast2, k: number, e: Entry, i: number) => {
    if (!maps.has(k)) maps.set(k, new Map());
    const map = maps.get(k) as Map<string, { shape: NumberedShape; entries: number[] }>;
    const id = `${e.len}\u0000${e.top}\u0000${e.kind ?? ""}`;
    let g = map.get(id);
    if (!g) {
      if (!tops.has(e.top)) tops.set(e.top, tops.size);
      map.set(id, (g = { shape: { len: e.len, top: e.top, kind: e.kind, topId: tops.get(e.top) as number }, entries: [] }));
    }
    g.entries.push(i);
  };
  entries.forEach((e, i) => {
    for (let k = gramStart[i] as number; k < (gramStart[i + 1] as number); k++) (byGram[grams[k] as number] as number[]).push(i);
    const chars = [...keyOf(e.text)];
    if (chars.length <= 4) for (const ch of new Set(chars.slice(0, -1))) push(byHead, ch, i);
    group(shapeGroups, 0, e, i);
    group(byLast2, last2[i] as number, e, i);
    group(byLast1, last1[i] as number, e, i);
  });
  const frozen = (m: Map<string, { shape: NumberedShape; entries: number[] }>): Family[] => {
    const families = new Map<string, Group[]>();
    for (const g of m.values()) {
      const of = (values: readonly number[]) => Int32Array.from(g.entries, (e) => values[e] as number);
      push(families, `${g.shape.topId}\u0000${g.shape.kind ?? ""}`, {
        shape: g.shape,
        entries: new Int32Array(g.entries),
        firsts: of(firsts),
        last2: of(last2),
        last1: of(last1),
      });
    }
    return [...families.values()].map((groups) => {
      groups.sort((a, b) => a.shape.len - b.shape.len);
      return { groups, lens: new Int32Array(groups.map((g) => g.shape.len)) };
    });
  };
  const index: ItemIndex = {
    occurrences,
    ranges,
    entries,
    firsts: new Int32Array(firsts),
    grams,
    gramStart,
    gramCount,
    gramIds,
    generic,
    entryOf,
    endings,
    tops,
    clashes: new ClashIndex(entries.map((e) => e.text)),
    byGram: byGram.map((list) => new Int32Array(list.sort((a, b) => (gramCount[a] as number) - (gramCount[b] as number) || a - b))),
    byHead: new Map([...byHead].map(([ch, list]) => [ch, new Int32Array(list)])),
    shapes: frozen(shapeGroups.get(0) ?? new Map()),
    byLast2: new Map([...byLast2].map(([k, m]) => [k, frozen(m)])),
    byLast1: new Map([...byLast1].map(([k, m]) => [k, frozen(m)])),
    seen: new Int32Array(entries.length),
    visit: 0,
    removed: new Uint32Array((entries.length + 31) >>> 5),
    removedBefore: new Int32Array(((entries.length + 31) >>> 5) + 1),
    eligibleEntries: new Int32Array(1024),
    eligibleRanks: new Int32Array(1024),
  };
  itemIndexes.set(ctx, index);
  return index;
}

/**
 * Marks (in `removed`) the entries too close to `item` (see tooCloseTo), found through what they
 * must share with it. A short word (four characters or fewer) sharing one of its characters but
 * the last with a short item is too close outright: those are read from the by-character index.
 * So is any entry sharing a bigram with the item that is not generic: the whole list of that
 * bigram. For phrases of common words, enough generic bigrams must be shared: a phrase of |A|
 * bigrams reads like the item's |B| when they share at least (|A| + |B|) / 4, so it shares one of
 * the item's rarest |B| − ⌈(|A| + |B|) / 4⌉ + 1 bigrams: the i-th rarest (from 0) is looked up
 * only for phrases of at most 3|B| − 4i bigrams (the lists are sorted by that). Those are checked
 * as tooCloseTo would, on numbered bigrams, unless already marked. In a large pack an item
 * (上海) may be close to a good part of it: marking a whole list is a tight loop, with no call
 * or check per entry.
 */
function markTooClose(index: ItemIndex, item: string, removed: Uint32Array) {
  const chars = [...keyOf(item)];
  if (chars.length <= 4) {
    for (const ch of new Set(chars.slice(0, -1))) {
      const list = index.byHead.get(ch);
      if (list) setBits(removed, list);
    }
  }
  // (A short candidate close by the short-word rule was marked above: below, only bigrams count.)
  const itemGrams = bigramSet(item);
  const size = itemGrams.length;
  const ids: number[] = [];
  for (const g of itemGrams) {
    const id = index.gramIds.get(g);
    if (id !== undefined) ids.push(id);
  }
  const mine = new Int32Array(ids).sort();
  const { generic, grams, gramStart, gramCount, byGram } = index;
  for (const g of mine) if (generic[g] === 0) setBits(removed, byGram[g] as Int32Array);
  const close = (e: number) => {
    const end = gramStart[e + 1] as number;
    const count = gramCount[e] as number;
    let shared = 0;
    for (let a = 0, b = gramStart[e] as number; a < mine.length && b < end; ) {
      const x = mine[a] as number;
      const y = grams[b] as number;
      if (x < y) a++;
      else if (y < x) b++;
      else {
        shared++;
        a++;
        b++;
      }
    }
    // (Every shared bigram is generic: one that is not marked the entry above.)
    return count + size > 0 && (2 * shared) / (count + size) >= 0.5;
  };
  const mark = ++index.visit;
  const seen = index.seen;
  // The item's bigrams by the length of their list, then number (mine is ascending).
  const lists: Int32Array[] = [];
  for (const g of mine) lists.push(byGram[g] as Int32Array);
  const rarest = rarestFirst(lists).map((k) => mine[k] as number);
  // A phrase of fewer than a third of the item's bigrams shares too few to read like it: the
  // lists (sorted by bigram count) are read from the first phrase long enough.
  const least = Math.ceil(size / 3);
  rarest.forEach((g, i) => {
    if (generic[g] === 0) return;
    // The item's bigrams that no entry has (none, for an item of the pack) count as its rarest.
    const most = 3 * size - 4 * (i + size - mine.length);
    const list = byGram[g] as Int32Array;
    for (let k = firstWithAtLeast(list, gramCount, least); k < list.length; k++) {
      const e = list[k] as number;
      if ((gramCount[e] as number) > most) break;
      if (seen[e] === mark || isSet(removed, e)) continue;
      seen[e] = mark;
      if (close(e)) removed[e >>> 5] = (removed[e >>> 5] as number) | (1 << (e & 31));
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
  group: Group;
  skip: 0 | 1 | 2;
  /** Where its entries still in the pool, and their ranks, are in the pool's buffers (from the first read). */
  eligible?: [from: number, to: number];
}

/** A family read outward from the list's average length: `lo` and `hi` are the next groups below and above. */
interface Cursor {
  family: Family;
  bonus: number;
  skip: 0 | 1 | 2;
  lo: number;
  hi: number;
  score: number;
}

/**
 * A list's groups in score order, as far as they are read: a merge of its families (a heap of
 * cursors, one per family), kept as a sorted prefix for the next reader.
 */
class GroupStream {
  private readonly sorted: ScoredGroup[] = [];
  private readonly heap: Cursor[] = [];
  private heaped = false;

  /** Drops where the groups read so far put their eligible entries (see activate). */
  forgetEligible() {
    for (const g of this.sorted) g.eligible = undefined;
  }

  constructor(
    private readonly avg: number,
    private readonly scoreOf: (s: NumberedShape, bonus: number) => number,
  ) {}

  /** Adds a family (before the first read). */
  add(family: Family, bonus: number, skip: 0 | 1 | 2) {
    // The first group of the average length or longer (groups are by length ascending).
    let hi = 0;
    let end = family.lens.length;
    while (hi < end) {
      const mid = (hi + end) >> 1;
      if ((family.lens[mid] as number) < this.avg) hi = mid + 1;
      else end = mid;
    }
    const cursor = { family, bonus, skip, lo: hi - 1, hi, score: 0 };
    if (this.settle(cursor)) this.heap.push(cursor);
  }

  at(i: number): ScoredGroup | undefined {
    if (!this.heaped) {
      for (let k = (this.heap.length >> 1) - 1; k >= 0; k--) this.down(k);
      this.heaped = true;
    }
    while (this.sorted.length <= i && this.heap.length > 0) {
      const c = this.heap[0] as Cursor;
      const group = this.next(c);
      this.sorted.push({ score: c.score, group, skip: c.skip });
      if (c.lo >= 0 && group === c.family.groups[c.lo]) c.lo--;
      else c.hi++;
      if (!this.settle(c)) {
        const last = this.heap.pop() as Cursor;
        if (this.heap.length > 0 && last !== c) this.heap[0] = last;
      }
      this.down(0);
    }
    return this.sorted[i];
  }

  /** The cursor's next group: the nearer in length of the two sides. */
  private next(c: Cursor): Group {
    const below = c.family.groups[c.lo];
    const above = c.family.groups[c.hi];
    if (!above || (below && this.avg - below.shape.len < above.shape.len - this.avg)) return below as Group;
    return above;
  }

  /** Scores the cursor's next group; false when the family is read out. */
  private settle(c: Cursor): boolean {
    if (c.lo < 0 && c.hi >= c.family.groups.length) return false;
    c.score = this.scoreOf(this.next(c).shape, c.bonus);
    return true;
  }

  private down(i: number) {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as Cursor).score < (h[m] as Cursor).score) m = l;
      if (r < h.length && (h[r] as Cursor).score < (h[m] as Cursor).score) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Cursor, h[i] as Cursor];
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
  /**
   * What removes entries from the pool (see markRemoved): the texts whose clashing or too close
   * entries go, and the entries first listed in a source that gives no distractors.
   */
  doomedBy: { own: readonly string[]; names: readonly string[] };
  skippedEntries: Int32Array;
  /** Occurrences at which moved entries are listed, ascending. */
  insertedAt: Int32Array;
  extras: Extra[];
  groups: GroupStream;
  /** The endings of the list's items (numbered). */
  endings2: number[];
  endings1: number[];
  /** How much of the index's eligible buffers the groups read so far fill (see eligible). */
  used: number;
}

const isSet = (bits: Uint32Array, i: number) => ((bits[i >>> 5] as number) & (1 << (i & 31))) !== 0;

function setBits(bits: Uint32Array, list: ArrayLike<number>) {
  for (let k = 0; k < list.length; k++) {
    const i = list[k] as number;
    bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
  }
}

/** Number of set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Clears the index's bit array and marks the entries a list's items and lineage names doom:
 * those clashing with one of them, or too close to an item. (Whether an entry is doomed depends
 * on its key only, not on which occurrence shows it.)
 */
function markRemoved(index: ItemIndex, doomedBy: ItemPool["doomedBy"]): Uint32Array {
  const removed = index.removed;
  removed.fill(0);
  const mark = (e: number) => {
    removed[e >>> 5] = (removed[e >>> 5] as number) | (1 << (e & 31));
  };
  for (const t of doomedBy.own) {
    index.clashes.forEachClashing(t, mark);
    markTooClose(index, t, removed);
  }
  for (const n of doomedBy.names) index.clashes.forEachClashing(n, mark);
  return removed;
}

/** Counts the set bits before each word of the index's bit array (see removedBelow). */
function countRemoved(index: ItemIndex) {
  const { removed, removedBefore } = index;
  for (let w = 0; w < removed.length; w++) {
    const word = removed[w] as number;
    removedBefore[w + 1] = (removedBefore[w] as number) + (word === 0 ? 0 : popcount(word));
  }
}

/** Number of removed entries before entry `e` (0 ≤ e ≤ entries), from the counts of countRemoved. */
function removedBelow(index: ItemIndex, e: number): number {
  const w = e >>> 5;
  const below = index.removedBefore[w] as number;
  return (e & 31) === 0 ? below : below + popcount((index.removed[w] as number) & ((1 << (e & 31)) - 1));
}

/**
 * Makes the index's bit array (with its counts) and eligible buffers the pool's: the index keeps
 * them for one pool at a time (allocating them per list made garbage in proportion to lists ×
 * entries). A pool read after another list's was built marks its own again, and reads its
 * groups anew.
 */
function activate(index: ItemIndex, pool: ItemPool) {
  if (index.removedFor === pool) return;
  setBits(markRemoved(index, pool.doomedBy), pool.skippedEntries);
  countRemoved(index);
  pool.used = 0;
  pool.groups.forgetEligible();
  index.removedFor = pool;
}

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
  // Plausibility, lower is better: length near the items', same part of the source, places for
  // places, an ending like theirs.
  const score = (len: number, sameTop: boolean, kind: PlaceKind, bonus: number) =>
    Math.abs(len - avg) / Math.max(2, avg) +
    (sameTop ? 0 : 0.5) +
    (places ? (kinds.has(kind) ? 0 : 5) : kind !== undefined ? 5 : 0) -
    bonus;
  const bonusOf = (text: string) => (endings2.has(ending(text, 2)) ? 1.2 : endings1.has(ending(text, 1)) ? 0.4 : 0);
  // The index's groups compare their section by number (they are scored for every list).
  const fTopId = index.tops.get(fTop) ?? -1;
  const groupScore = (s: NumberedShape, bonus: number) => score(s.len, s.topId === fTopId, s.kind, bonus);

  // Entries clashing with or too close to an item, or clashing with a name of the lineage: each
  // item is checked only against the entries it could be close to.
  const doomedBy = { own, names };
  index.removedFor = undefined;
  const removed = markRemoved(index, doomedBy);

  // Sources that give no distractors: the list itself, its twins, the lists below it, and
  // memberships that name the same thing. An entry first seen in one of them is listed at its
  // next occurrence, if any (unless doomed).
  const skipped = new Set<number>([sets.position.get(f) as number, ...twins, ...below]);
  for (const m of sets.memberships.alike(f.name)) skipped.add(ctx.sets.length + m);
  const sourceOf = (o: number) => (index.occurrences[o] as Occurrence).source;
  const handled = new Set<number>();
  const gone = new Set<number>();
  const stay: number[] = [];
  const skippedEntries: number[] = [];
  for (const source of skipped) {
    const [start, end] = index.ranges[source] as [number, number];
    for (let o = start; o < end; o++) {
      const e = (index.occurrences[o] as Occurrence).entry;
      const entry = index.entries[e] as Entry;
      if (handled.has(e)) continue;
      handled.add(e);
      if (!skipped.has(sourceOf(entry.occurrences[0] as number))) continue;
      const next = entry.occurrences.find((x) => !skipped.has(sourceOf(x)));
      if (next === undefined) gone.add(e);
      else if (!isSet(removed, e)) stay.push(next);
      skippedEntries.push(e);
    }
  }
  setBits(removed, skippedEntries);
  countRemoved(index);
  const insertedAt = new Int32Array(stay).sort();
  const extras: Extra[] = [];
  for (const o of stay) {
    const { text, top } = index.occurrences[o] as Occurrence;
    // Entries (and so survivors) listed before occurrence o.
    const before = countBelow(index.firsts, o);
    const rank = before - removedBelow(index, before) + countBelow(insertedAt, o);
    extras.push({ text, score: score([...text].length, top === fTop, placeKind(text), bonusOf(text)), rank });
  }
  let size = index.entries.length - removedBelow(index, index.entries.length) + insertedAt.length;
  if (places) {
    const close = own.map((t) => tooCloseTo(ctx, t));
    const doomed = (text: string) =>
      own.some((t, i) => clash(t, text) || (close[i] as (c: Grams) => boolean)(gramsOf(text))) || names.some((n) => clash(n, text));
    const listed = new Set<string>();
    const offer = (c: string) => {
      const key = keyOf(c);
      const e = index.entryOf.get(key);
      if ((e !== undefined && !gone.has(e)) || listed.has(key)) return;
      listed.add(key);
      if (doomed(c)) return;
      extras.push({ text: c, score: score([...c].length, true, placeKind(c), bonusOf(c)), rank: size++ });
    };
    if (kinds.has("city")) for (const c of ctx.mentionedCities) offer(c);
    if (kinds.has("province")) for (const p of ctx.mentionedProvinces) offer(p);
  }

  const ids = (endings: Set<string>) => {
    const out: number[] = [];
    for (const e of endings) {
      const id = index.endings.get(e);
      if (id !== undefined) out.push(id);
    }
    return out;
  };
  const ends2 = ids(endings2);
  const ends1 = ids(endings1);
  const groups = new GroupStream(avg, groupScore);
  for (const e2 of ends2) for (const family of index.byLast2.get(e2) ?? []) groups.add(family, 1.2, 0);
  for (const e1 of ends1) for (const family of index.byLast1.get(e1) ?? []) groups.add(family, 0.4, 1);
  for (const family of index.shapes) groups.add(family, 0, 2);
  const pool: ItemPool = {
    f,
    size,
    doomedBy,
    skippedEntries: new Int32Array(skippedEntries),
    insertedAt,
    extras,
    groups,
    endings2: ends2,
    endings1: ends1,
    used: 0,
  };
  index.removedFor = pool;
  return pool;
}

/**
 * The best candidates held so far, in order: by plausibility score plus jitter, then text, then
 * rank (a stable sort's order). A candidate is an entry (its number) or an extra (−1 − its
 * position): held in three arrays rather than as an object each, since a reading of a large
 * pool offers hundreds before it settles on its best.
 */
class Best {
  readonly values: number[] = [];
  readonly ranks: number[] = [];
  readonly ids: number[] = [];
  /** The worst value held once `want` are (Infinity before: anything is taken), kept up to date by offer. */
  bar = Infinity;

  constructor(
    readonly want: number,
    private readonly index: ItemIndex,
    private readonly pool: ItemPool,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  textOf(id: number): string {
    return id >= 0 ? (this.index.entries[id] as Entry).text : (this.pool.extras[-1 - id] as Extra).text;
  }

  /**
   * Held candidate k against the given one: negative when k comes first. The texts are compared
   * only on equal values (rare: reading an entry's text is a cache miss).
   */
  private compare(k: number, value: number, rank: number, id: number): number {
    return (
      (this.values[k] as number) - value ||
      this.textOf(this.ids[k] as number).localeCompare(this.textOf(id)) ||
      (this.ranks[k] as number) - rank
    );
  }

  offer(value: number, rank: number, id: number) {
    if (this.ids.length >= this.want) {
      if (this.compare(this.want - 1, value, rank, id) <= 0) return;
      this.values.pop();
      this.ranks.pop();
      this.ids.pop();
    }
    let a = 0;
    let b = this.ids.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.compare(mid, value, rank, id) < 0) a = mid + 1;
      else b = mid;
    }
    this.values.splice(a, 0, value);
    this.ranks.splice(a, 0, rank);
    this.ids.splice(a, 0, id);
    if (this.ids.length >= this.want) this.bar = this.values[this.want - 1] as number;
  }
}

/**
 * The entries of a group still in the pool (not removed, not scored in a better ending group)
 * and their ranks, put in the index's buffers (see activate): [from, to). Entries are ascending,
 * so the count of inserted entries before each only grows; removed ones are counted from the
 * bit array.
 */
function eligible(index: ItemIndex, pool: ItemPool, g: ScoredGroup): [number, number] {
  if (g.eligible) return g.eligible;
  const { entries: list, firsts, last2, last1 } = g.group;
  if (pool.used + list.length > index.eligibleEntries.length) {
    const size = Math.max(2 * index.eligibleEntries.length, pool.used + list.length);
    const entries = new Int32Array(size);
    const ranks = new Int32Array(size);
    entries.set(index.eligibleEntries.subarray(0, pool.used));
    ranks.set(index.eligibleRanks.subarray(0, pool.used));
    index.eligibleEntries = entries;
    index.eligibleRanks = ranks;
  }
  const { eligibleEntries: entries, eligibleRanks: ranks, removed } = index;
  const from = pool.used;
  let n = from;
  const { insertedAt } = pool;
  let insertedBefore = 0;
  for (let k = 0; k < list.length; k++) {
    const e = list[k] as number;
    if (isSet(removed, e)) continue;
    if (g.skip >= 1 && pool.endings2.includes(last2[k] as number)) continue;
    if (g.skip === 2 && pool.endings1.includes(last1[k] as number)) continue;
    const first = firsts[k] as number;
    if (n === from) insertedBefore = countBelow(insertedAt, first);
    while (insertedBefore < insertedAt.length && (insertedAt[insertedBefore] as number) < first) insertedBefore++;
    entries[n] = e;
    ranks[n++] = e - removedBelow(index, e) + insertedBefore;
  }
  pool.used = n;
  g.eligible = [from, n];
  return g.eligible;
}

/**
 * The `want` best candidates of the pool, in order. A candidate's value is its score plus a
 * jitter in [0, 1), so once `want` are held, a group scoring above the worst of them cannot
 * place one: groups are read best first and the reading stops there.
 */
function head(ctx: PackContext, pool: ItemPool, draw: (k: number) => number, want: number): Best {
  const index = itemIndex(ctx);
  activate(index, pool);
  const out = new Best(want, index, pool);
  pool.extras.forEach((x, i) => out.offer(x.score + draw(x.rank + 1), x.rank, -1 - i));
  for (let k = 0; ; k++) {
    const g = pool.groups.at(k);
    if (!g || g.score > out.bar) break;
    const [from, to] = eligible(index, pool, g);
    const { eligibleEntries: entries, eligibleRanks: ranks } = index;
    const score = g.score;
    let bar = out.bar;
    for (let i = from; i < to; i++) {
      const rank = ranks[i] as number;
      const value = score + draw(rank + 1);
      // Most candidates fall behind the worst held.
      if (value > bar) continue;
      out.offer(value, rank, entries[i] as number);
      bar = out.bar;
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
        for (; read < best.length; read++) yield best.textOf(best.ids[read] as number);
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

/** Position of a list in the pack. */
export function setPosition(ctx: PackContext, f: SetFact): number {
  return setIndex(ctx).position.get(f) as number;
}
