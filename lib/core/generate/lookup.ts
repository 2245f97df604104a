/**
 * Indexes over a pack's texts that answer "which of these texts clash with this one?" and
 * "which read like this one?" without comparing it with every text of the pack (which made
 * generation quadratic in the pack's size). Candidates come from pieces a match must share
 * (a key, a substring, a bigram) and are then checked exactly (containment; the similarity sum),
 * so an index answers what a full scan with `clash` or `similarity` would: lookup.test.ts
 * compares the two.
 */
import { bigramsOf, keyOf, SAME_THING, similarity } from "./text";

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Two UTF-16 code units of `key` from `at`, as one number (a cheaper map key than a slice). */
const pieceAt = (key: string, at: number) => key.charCodeAt(at) * 0x10000 + key.charCodeAt(at + 1);

/** FNV-1a over UTF-16 code units, one unit at a time (so a substring's hash grows with it). */
const FNV = 0x811c9dc5;
const fnvStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193) >>> 0;

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

  constructor(readonly texts: readonly string[]) {
    this.keys = texts.map(keyOf);
    this.keyBits = new Uint32Array(Math.max(32, 2 ** Math.ceil(Math.log2(16 * this.keys.length + 1))) >>> 5);
    this.keys.forEach((k, i) => {
      push(this.byKey, k, i);
      const seen = new Set<number>();
      for (let p = 0; p + 1 < k.length; p++) seen.add(pieceAt(k, p));
      for (const p of seen) push(this.pieces, p, i);
      let h = FNV;
      for (let u = 0; u < k.length; u++) h = fnvStep(h, k.charCodeAt(u));
      this.setBit(h);
    });
  }

  private bit(h: number): boolean {
    const b = h & ((this.keyBits.length << 5) - 1);
    return (((this.keyBits[b >>> 5] as number) >>> (b & 31)) & 1) === 1;
  }

  private setBit(h: number) {
    const b = h & ((this.keyBits.length << 5) - 1);
    this.keyBits[b >>> 5] = (this.keyBits[b >>> 5] as number) | (1 << (b & 31));
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
    let rarest: number[] | undefined;
    for (let p = 0; p + 1 < key.length; p++) {
      const list = this.pieces.get(pieceAt(key, p)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
      if (list.length <= 8) break;
    }
    for (const i of rarest ?? []) if ((this.keys[i] as string).includes(key)) visit(i);
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
        if (!this.bit(h)) continue;
        for (const i of this.byKey.get(key.slice(from, to + 1)) ?? []) visit(i);
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
 * Only the texts found so are compared, by merging numbered bigram lists (the very sum
 * `similarity` makes, without its map lookups).
 */
export class AlikeIndex {
  /** Bigram → number; each text's bigrams as ascending numbers, with their counts. */
  private readonly gramIds = new Map<string, number>();
  private readonly ids: Int32Array[];
  private readonly counts: Int32Array[];
  /** Texts by each bigram of their key, fewest bigrams first. */
  private readonly byGram = new Map<string, number[]>();
  private readonly totals: number[];
  /** Texts whose key is shorter than a bigram: alike only to texts with the same key. */
  private readonly bare = new Map<string, number[]>();

  constructor(
    readonly texts: readonly string[],
    private readonly threshold: number = SAME_THING,
  ) {
    this.totals = texts.map((t) => bigramsOf(t).total);
    const numbered = texts.map((t, i) => {
      const { grams, total } = bigramsOf(t);
      if (total === 0) push(this.bare, keyOf(t), i);
      for (const g of grams.keys()) {
        push(this.byGram, g, i);
        if (!this.gramIds.has(g)) this.gramIds.set(g, this.gramIds.size);
      }
      return this.numbered(grams);
    });
    this.ids = numbered.map((x) => x.ids);
    this.counts = numbered.map((x) => x.counts);
    const total = (i: number) => this.totals[i] as number;
    for (const list of this.byGram.values()) list.sort((a, b) => total(a) - total(b) || a - b);
  }

  /** A bigram multiset as ascending bigram numbers with counts (bigrams no text has are left out: none can share them). */
  private numbered(grams: Map<string, number>): { ids: Int32Array; counts: Int32Array } {
    const pairs = [...grams].flatMap(([g, n]) => {
      const id = this.gramIds.get(g);
      return id === undefined ? [] : [[id, n] as const];
    });
    pairs.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(pairs, (p) => p[0]), counts: Int32Array.from(pairs, (p) => p[1]) };
  }

  /** Indices (ascending) of the texts alike to `text`. */
  alike(text: string): number[] {
    const { grams, total } = bigramsOf(text);
    const found = new Set<number>(total === 0 ? this.bare.get(keyOf(text)) : undefined);
    const t = this.threshold;
    const rarest = [...grams]
      .map(([g, n]) => ({ g, n, list: this.byGram.get(g) ?? [] }))
      .sort((a, b) => a.list.length - b.list.length || (a.g < b.g ? -1 : a.g > b.g ? 1 : 0));
    let i = 0;
    for (const { n, list } of rarest) {
      // A little more than the bound, so that floating point never leaves a text out.
      const most = (2 * (total - i)) / t - total + 1e-9;
      if (most < 1) break;
      for (const j of list) {
        if ((this.totals[j] as number) > most) break;
        found.add(j);
      }
      i += n;
    }
    if (total === 0) return [...found].filter((j) => similarity(text, this.texts[j] as string) >= t).sort((a, b) => a - b);
    const q = this.numbered(grams);
    const out: number[] = [];
    for (const j of found) {
      // Σ min(count in query, count in text j) over shared bigrams, as `similarity` sums it.
      const ids = this.ids[j] as Int32Array;
      const counts = this.counts[j] as Int32Array;
      let common = 0;
      for (let a = 0, b = 0; a < q.ids.length && b < ids.length; ) {
        const x = q.ids[a] as number;
        const y = ids[b] as number;
        if (x < y) a++;
        else if (y < x) b++;
        else common += Math.min(q.counts[a++] as number, counts[b++] as number);
      }
      if ((2 * common) / (total + (this.totals[j] as number)) >= t) out.push(j);
    }
    return out.sort((a, b) => a - b);
  }
}
