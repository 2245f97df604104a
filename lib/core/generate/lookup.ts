/**
 * Indexes over a pack's texts that answer "which of these texts clash with this one?" and
 * "which read like this one?" without comparing it with every text of the pack (which made
 * generation quadratic in the pack's size). Candidates come from pieces a match must share
 * (a key, a substring, a bigram); every candidate is then checked with the very predicate the
 * generator uses (clash, similarity), so an index answers exactly what a full scan would.
 */
import { bigramsOf, clash, keyOf, SAME_THING, similarity } from "./text";

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The texts that `clash` with a given one: equal keys, or one key containing the other. */
export class ClashIndex {
  private readonly keys: string[];
  private readonly byKey = new Map<string, number[]>();
  /** Two-code-unit pieces of the keys → the texts whose key has the piece. */
  private readonly byPiece = new Map<string, number[]>();
  /** The lengths of the keys that start with a given piece, ascending. */
  private readonly lengthsFrom = new Map<string, number[]>();

  constructor(readonly texts: readonly string[]) {
    this.keys = texts.map(keyOf);
    this.keys.forEach((k, i) => {
      push(this.byKey, k, i);
      const pieces = new Set<string>();
      for (let p = 0; p + 1 < k.length; p++) pieces.add(k.slice(p, p + 2));
      for (const piece of pieces) push(this.byPiece, piece, i);
      if (k.length >= 2) push(this.lengthsFrom, k.slice(0, 2), k.length);
    });
    for (const [piece, lengths] of this.lengthsFrom) this.lengthsFrom.set(piece, [...new Set(lengths)].sort((a, b) => a - b));
  }

  /** Indices (ascending) of the texts whose key contains `key` (two code units or more). */
  containing(key: string): number[] {
    if (key.length < 2) return [];
    // Every text containing the key has each of its pieces: the rarest piece gives the fewest candidates.
    let rarest: number[] | undefined;
    for (let p = 0; p + 1 < key.length; p++) {
      const list = this.byPiece.get(key.slice(p, p + 2)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((i) => (this.keys[i] as string).includes(key));
  }

  /** Indices (ascending) of the texts that clash with `text`. */
  clashing(text: string): number[] {
    const key = keyOf(text);
    const found = new Set<number>(this.byKey.get(key));
    if (key.length >= 2) {
      for (const i of this.containing(key)) found.add(i);
      // Keys contained in this one are among its substrings: at each position, those as long
      // as some key starting with the same piece.
      for (let from = 0; from + 1 < key.length; from++) {
        for (const length of this.lengthsFrom.get(key.slice(from, from + 2)) ?? []) {
          if (from + length > key.length) break;
          for (const i of this.byKey.get(key.slice(from, from + length)) ?? []) found.add(i);
        }
      }
    }
    return [...found].filter((i) => clash(text, this.texts[i] as string)).sort((a, b) => a - b);
  }
}

/**
 * The texts whose `similarity` to a given one is at least a threshold (SAME_THING: the same
 * happening told twice). Prefix filtering: texts of |A| and |B| bigrams are that alike only if
 * they share at least t·(|A| + |B|) / 2 bigrams, so a text of |B| bigrams shares one of the
 * query's rarest |A| − ⌈t·(|A| + |B|) / 2⌉ + 1: the query's i-th rarest bigram (from 0) is
 * looked up only for texts of at most 2(|A| − i) / t − |A| bigrams (lists are sorted by that).
 * Only the texts found so are compared.
 */
export class AlikeIndex {
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
    texts.forEach((t, i) => {
      const { grams, total } = bigramsOf(t);
      if (total === 0) push(this.bare, keyOf(t), i);
      for (const g of grams.keys()) push(this.byGram, g, i);
    });
    const total = (i: number) => this.totals[i] as number;
    for (const list of this.byGram.values()) list.sort((a, b) => total(a) - total(b) || a - b);
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
    return [...found].filter((j) => similarity(text, this.texts[j] as string) >= t).sort((a, b) => a - b);
  }
}
