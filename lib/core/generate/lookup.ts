/**
 * Indexes over a pack's texts that answer "which of these texts clash with this one?" and
 * "which read like this one?" without comparing it with every text of the pack (which made
 * generation quadratic in the pack's size). Candidates come from pieces a match must share
 * (a key, a substring, a bigram) and are then checked exactly (containment; the similarity sum),
 * so an index answers what a full scan with `clash` or `similarity` would: lookup.test.ts
 * compares the two.
 */
import { bigramsOf, keyOf, SAME_THING, sharedBigrams, similarity, type Bigrams } from "./text";

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Two UTF-16 code units of `key` from `at`, as one number (a cheaper map key than a slice). */
const pieceAt = (key: string, at: number) => key.charCodeAt(at) * 0x10000 + key.charCodeAt(at + 1);

/** FNV-1a over UTF-16 code units, one unit at a time (so a substring's hash grows with it). */
const FNV = 0x811c9dc5;
const fnvStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193) >>> 0;
/** The bits of a hash kept as a map key (a small integer: no boxed number per lookup). */
const HASH_KEY = 0x3fffffff;

/** A one-hash Bloom filter for n hashes: a power of two of bits, about 16 per hash. */
const bloom = (n: number) => new Uint32Array(Math.max(32, 2 ** Math.ceil(Math.log2(16 * n + 1))) >>> 5);

function bloomHas(bits: Uint32Array, h: number): boolean {
  const b = h & ((bits.length << 5) - 1);
  return (((bits[b >>> 5] as number) >>> (b & 31)) & 1) === 1;
}

function bloomAdd(bits: Uint32Array, h: number) {
  const b = h & ((bits.length << 5) - 1);
  bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
}

/** The texts that `clash` with a given one: equal keys, or one key containing the other. */
export class ClashIndex {
  private readonly keys: string[];
  private readonly byKey = new Map<string, number[]>();
  /** Two-code-unit pieces of the keys → the texts whose key has the piece. */
  private readonly pieces = new Map<number, number[]>();
  /**
   * A bit per key hash (a one-hash Bloom filter): most substrings of a query are no key, and
   * this says so without building the substring and looking it up.
   */
  private readonly keyBits: Uint32Array;
  /**
   * The same for every prefix of a key (of two code units or more): a substring of a query that
   * begins no key cannot be extended into one, so the substrings from a point are read only as
   * far as they could still be keys (a handful, where a long name has dozens).
   */
  private readonly prefixBits: Uint32Array;
  /**
   * The texts by their key's hash (its low 30 bits, a small integer), for the substrings the
   * filter lets through: found by number, then checked in place, with no substring built.
   */
  private readonly byHash = new Map<number, number[]>();

  constructor(readonly texts: readonly string[]) {
    this.keys = texts.map(keyOf);
    this.keyBits = bloom(this.keys.length);
    this.prefixBits = bloom(this.keys.reduce((n, k) => n + k.length, 0));
    this.keys.forEach((k, i) => {
      push(this.byKey, k, i);
      for (let p = 0; p + 1 < k.length; p++) {
        const list = this.pieces.get(pieceAt(k, p));
        // A piece met again in the same key is listed once.
        if (!list) this.pieces.set(pieceAt(k, p), [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
      let h = FNV;
      for (let u = 0; u < k.length; u++) {
        h = fnvStep(h, k.charCodeAt(u));
        if (u >= 1) bloomAdd(this.prefixBits, h);
      }
      bloomAdd(this.keyBits, h);
      push(this.byHash, h & HASH_KEY, i);
    });
  }

  /** Indices (ascending) of the texts whose key contains `key` (two code units or more). */
  containing(key: string): number[] {
    const out: number[] = [];
    this.forEachContaining(key, (i) => out.push(i));
    return out;
  }

  private forEachContaining(key: string, visit: (i: number) => void) {
    if (key.length < 2) return;
    // Every text containing the key has each of its pieces: a rare piece gives few candidates
    // (looking further for the rarest costs more than checking a handful).
    let rarest: readonly number[] | undefined;
    for (let p = 0; p + 1 < key.length; p++) {
      const list = this.pieces.get(pieceAt(key, p)) ?? NONE;
      if (!rarest || list.length < rarest.length) rarest = list;
      if (list.length <= 8) break;
    }
    if (!rarest) return;
    // A key of one piece is in every text that has the piece (上海: a good part of a large pack).
    if (key.length === 2) for (const i of rarest) visit(i);
    else for (const i of rarest) if ((this.keys[i] as string).includes(key)) visit(i);
  }

  /** Indices (ascending) of the texts that clash with `text`. */
  clashing(text: string): number[] {
    const found = new Set<number>();
    this.forEachClashing(text, (i) => found.add(i));
    return [...found].sort((a, b) => a - b);
  }

  /**
   * Calls `visit` for each text that clashes with `text`, in no order and maybe more than once
   * (cheaper than `clashing` for a caller that only marks them).
   */
  forEachClashing(text: string, visit: (i: number) => void) {
    // Every text found clashes: an equal key, or a key of two units or more containing or
    // contained in this one (of two units or more), as `clash` has it.
    const key = keyOf(text);
    for (const i of this.byKey.get(key) ?? []) visit(i);
    if (key.length < 2) return;
    this.forEachContaining(key, visit);
    // Keys contained in this one are among its substrings (of two code units or more).
    for (let from = 0; from + 1 < key.length; from++) {
      let h = fnvStep(FNV, key.charCodeAt(from));
      for (let to = from + 1; to < key.length; to++) {
        h = fnvStep(h, key.charCodeAt(to));
        if (!bloomHas(this.prefixBits, h)) break;
        if (!bloomHas(this.keyBits, h)) continue;
        for (const i of this.byHash.get(h & HASH_KEY) ?? []) {
          const k = this.keys[i] as string;
          if (k.length === to + 1 - from && key.startsWith(k, from)) visit(i);
        }
      }
    }
  }
}

/**
 * The texts whose `similarity` to a given one is at least a threshold (SAME_THING: the same
 * happening told twice). Prefix filtering: texts of |A| and |B| bigrams are that alike only if
 * they share at least t·(|A| + |B|) / 2 bigrams, so a text of |B| bigrams shares one of the
 * query's rarest |A| − ⌈t·(|A| + |B|) / 2⌉ + 1: the query's i-th rarest bigram (from 0) is
 * looked up only for texts of at most 2(|A| − i) / t − |A| bigrams (lists are sorted by that).
 * Only the texts found so are compared, by merging their bigram lists (the sum `similarity`
 * makes).
 */
export class AlikeIndex {
  /** Each text's bigrams (bigramsOf's, shared with its cache rather than copied), and how many. */
  private readonly grams: Bigrams[];
  private readonly totals: Int32Array;
  /** Texts by each bigram of their key, fewest bigrams first. */
  private readonly byGram = new Map<number, number[]>();
  /** Texts whose key is shorter than a bigram: alike only to texts with the same key. */
  private readonly bare = new Map<string, number[]>();
  /** Scratch marks for finding each candidate once per query (see alike). */
  private readonly seen: Int32Array;
  private visit = 0;

  constructor(
    readonly texts: readonly string[],
    private readonly threshold: number = SAME_THING,
  ) {
    this.grams = texts.map(bigramsOf);
    this.totals = Int32Array.from(this.grams, (b) => b.total);
    this.seen = new Int32Array(texts.length);
    this.grams.forEach((b, i) => {
      if (b.total === 0) push(this.bare, keyOf(texts[i] as string), i);
      for (const g of b.grams) push(this.byGram, g, i);
    });
    const total = (i: number) => this.totals[i] as number;
    for (const list of this.byGram.values()) list.sort((a, b) => total(a) - total(b) || a - b);
  }

  /** Indices (ascending) of the texts alike to `text`. */
  alike(text: string): number[] {
    const q = bigramsOf(text);
    const { total } = q;
    const t = this.threshold;
    if (total === 0) {
      const bare = this.bare.get(keyOf(text)) ?? [];
      return bare.filter((j) => similarity(text, this.texts[j] as string) >= t);
    }
    const lists = q.grams.map((g) => this.byGram.get(g) ?? NONE);
    const rarest = rarestFirst(lists);
    // Texts of |B| bigrams share at most |B| with this one: alike only if |B| ≥ t·|A| / (2 − t)
    // (a little less, so that floating point never leaves a text out). The lists are read
    // from the first text that long.
    const least = (t * total) / (2 - t) - 1e-9;
    const mark = ++this.visit;
    const found: number[] = [];
    let i = 0;
    for (const k of rarest) {
      // A little more than the bound, so that floating point never leaves a text out.
      const most = (2 * (total - i)) / t - total + 1e-9;
      if (most < 1) break;
      const list = lists[k] as readonly number[];
      for (let p = firstWithAtLeast(list, this.totals, least); p < list.length; p++) {
        const j = list[p] as number;
        if ((this.totals[j] as number) > most) break;
        if (this.seen[j] === mark) continue;
        this.seen[j] = mark;
        found.push(j);
      }
      i += q.counts[k] as number;
    }
    const out: number[] = [];
    for (const j of found) {
      if ((2 * sharedBigrams(q, this.grams[j] as Bigrams)) / (total + (this.totals[j] as number)) >= t) out.push(j);
    }
    return out.sort((a, b) => a - b);
  }
}

/** Position of the first item of `list` (sorted by size, ascending) whose size is at least `least`. */
export function firstWithAtLeast(list: ArrayLike<number>, sizes: ArrayLike<number>, least: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((sizes[list[mid] as number] as number) < least) a = mid + 1;
    else b = mid;
  }
  return a;
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

const NONE: readonly number[] = [];

/** Scratch for rarestFirst (a typed array of more than a few numbers is allocated outside the heap, slowly). */
let sortKeys = new Float64Array(64);

/**
 * Positions of `lists` ordered by their length, then position: sorted as numbers (length × 2²¹
 * + position, exact for lists of fewer than 2³¹ items) rather than with a comparator, as this is
 * done for every query.
 */
export function rarestFirst(lists: readonly ArrayLike<number>[]): number[] {
  if (lists.length >= 2 ** 21) {
    const length = (k: number) => (lists[k] as ArrayLike<number>).length;
    return lists.map((_, k) => k).sort((a, b) => length(a) - length(b) || a - b);
  }
  if (sortKeys.length < lists.length) sortKeys = new Float64Array(2 * lists.length);
  const keys = sortKeys.subarray(0, lists.length);
  for (let k = 0; k < lists.length; k++) keys[k] = (lists[k] as ArrayLike<number>).length * 2 ** 21 + k;
  keys.sort();
  const out: number[] = [];
  for (const key of keys) out.push(key % 2 ** 21);
  return out;
}
