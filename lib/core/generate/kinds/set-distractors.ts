/**
 * Where the distractors of list questions come from: the items of the pack's other lists (and
 * members of its memberships), ranked for each list by how plausible they look next to its
 * items. Each list used to rebuild and re-sort the whole pool, and to compare every candidate
 * with every item, twin and parent list: quadratic in the pack's size. Here the pool is indexed
 * once per pack; a list keeps only what differs for it (the few candidates it must not offer,
 * the few that move), and a ranking reads only as far into the pool as its reader does.
 *
 * The pack-wide index and the "too close" test are in set-items.ts, the lists' twins and
 * lineage in set-lineage.ts; this file builds one list's pool and ranks it.
 */
import type { SetFact } from "@/lib/core/content/schema";
import type { PackContext } from "../context";
import type { Rng } from "../hash";
import { countBelow } from "../lookup";
import { clash, clause, keyOf, splitName } from "../text";
import {
  countRemoved,
  ending,
  gramsOf,
  isSet,
  itemIndex,
  markRemoved,
  removedBelow,
  setBits,
  tooCloseTo,
  type DoomedBy,
  type Entry,
  type Family,
  type Grams,
  type Group,
  type ItemIndex,
  type NumberedShape,
  type Occurrence,
} from "./set-items";
import { lineage, placeKind, setIndex, topSection, twinSets, type PlaceKind } from "./set-lineage";

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
  doomedBy: DoomedBy;
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
