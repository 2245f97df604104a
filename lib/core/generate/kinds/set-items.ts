/**
 * The candidates of list questions, indexed once per pack, and what makes one too close to an
 * item to be offered. Each item of the pack's lists and each member of its memberships is an
 * occurrence; occurrences with the same key are one entry, and entries are grouped by shape and
 * ending for set-distractors.ts to read in score order. For one list at a time, the entries it
 * must not offer (clashing with or too close to its items, clashing with its lineage's names)
 * are marked in a bit array, with counts of the marks before each word (see markRemoved,
 * removedBelow).
 *
 * Why bit arrays and typed arrays rather than sets and objects: the output must stay
 * byte-identical (a candidate's rank, which picks its jitter, counts the entries removed before
 * it, so every mark must be exact), and it must be fast: in a large pack an item (上海, 城市)
 * is too close to a good part of it, so marking and counting for every list must not call,
 * check or allocate per entry (bench/README.md, section 3 of "Targets missed").
 */
import type { PackContext } from "../context";
import { ClashIndex, firstWithAtLeast, push, rarestFirst } from "../lookup";
import { bigramsOf, keyOf } from "../text";
import { placeKind, topSection, type PlaceKind } from "./set-lineage";

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
export interface Grams {
  chars: string[];
  grams: readonly number[];
}

export const gramsOf = (text: string): Grams => ({ chars: [...keyOf(text)], grams: bigramSet(text) });

/**
 * Too close to an item to be certainly wrong, though not equal: two short words sharing a
 * character other than their last (资金 / 资本, 大商务 / 高端商务), or phrases sharing a
 * bigram that is not common in the pack (惠民一卡通 / 公共服务一卡通, 太湖流域水环境综合治理 /
 * 重点流域水污染防治): they are likely about the same thing in other words. Prepared once per
 * item, then asked of many candidates.
 */
export function tooCloseTo(ctx: PackContext, item: string): (candidate: Grams) => boolean {
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
export interface Occurrence {
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
export interface NumberedShape extends Shape {
  topId: number;
}

/** One candidate: a comparison key, as its first occurrence in the pack shows it. */
export interface Entry extends Shape {
  text: string;
  /** Its occurrences, ascending; the first is where the pool lists it. */
  occurrences: number[];
}

/** Candidates of one shape (and, in the by-ending maps, one ending), ascending. */
export interface Group {
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
export interface Family {
  groups: Group[];
  /** The groups' lengths (read by every list to find where to start). */
  lens: Int32Array;
}

/**
 * The candidates of the whole pack. Hot loops read the typed arrays (first occurrence, bigrams
 * of each entry; a group's endings) rather than the entry objects.
 */
export interface ItemIndex {
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
  /** A bit per entry, set for the entries removed from one pool's (see activate in set-distractors.ts). */
  removed: Uint32Array;
  /** Set bits of `removed` in the words before each word (see removedBelow). */
  removedBefore: Int32Array;
  /** The pool (an ItemPool of set-distractors.ts) that `removed` and the eligible buffers are for. */
  removedFor?: object;
  /**
   * The eligible entries of the groups the pool read so far, and their ranks (see eligible in
   * set-distractors.ts): one pair of buffers, grown as needed, for the pool `removedFor`
   * (rather than a pair of arrays per group, or per pool).
   */
  eligibleEntries: Int32Array;
  eligibleRanks: Int32Array;
}

export const ending = (text: string, n: number) => [...text].slice(-n).join("");

const itemIndexes = new WeakMap<PackContext, ItemIndex>();

export function itemIndex(ctx: PackContext): ItemIndex {
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

// ---- the bit array of removed entries -----------------------------------------------------------

export const isSet = (bits: Uint32Array, i: number) => ((bits[i >>> 5] as number) & (1 << (i & 31))) !== 0;

export function setBits(bits: Uint32Array, list: ArrayLike<number>) {
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
 * The texts whose clashing entries a list does not offer: its items (whose too close entries go
 * too) and the names of its lineage.
 */
export interface DoomedBy {
  own: readonly string[];
  names: readonly string[];
}

/**
 * Clears the index's bit array and marks the entries a list's items and lineage names doom:
 * those clashing with one of them, or too close to an item. (Whether an entry is doomed depends
 * on its key only, not on which occurrence shows it.)
 */
export function markRemoved(index: ItemIndex, doomedBy: DoomedBy): Uint32Array {
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
export function countRemoved(index: ItemIndex) {
  const { removed, removedBefore } = index;
  for (let w = 0; w < removed.length; w++) {
    const word = removed[w] as number;
    removedBefore[w + 1] = (removedBefore[w] as number) + (word === 0 ? 0 : popcount(word));
  }
}

/** Number of removed entries before entry `e` (0 ≤ e ≤ entries), from the counts of countRemoved. */
export function removedBelow(index: ItemIndex, e: number): number {
  const w = e >>> 5;
  const below = index.removedBefore[w] as number;
  return (e & 31) === 0 ? below : below + popcount((index.removed[w] as number) & ((1 << (e & 31)) - 1));
}
