import { normalizeAnswer } from "@/lib/core/grade/normalize";

/** “text”, with quotes inside turned into single quotes (国际贸易‘单一窗口’). */
export function quote(text: string): string {
  return `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

/** 《title》 (titles are stored without 《》). */
export function book(title: string): string {
  return `《${title.replace(/^《|》$/g, "").replace(/《/g, "〈").replace(/》/g, "〉")}》`;
}

/** Drops sentence-final punctuation so a clause can be embedded in a question. */
export function clause(text: string): string {
  return text.trim().replace(/[。．.；;，,！!？?：:\s]+$/u, "");
}

/** Ends a sentence with 。 unless it already ends with sentence punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？!?]$/u.test(t) ? t : `${clause(t)}。`;
}

const keys = new Map<string, string>();

/** The comparison key of an option: the grader's normalisation (memoised: it is asked often). */
export function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = normalizeAnswer(text);
    if (keys.size > 500_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

/**
 * True when two option texts cannot both be offered: equal after normalisation, or one
 * contains the other (创新共建 / 坚持创新共建), which would make both look right.
 */
export function clash(a: string, b: string): boolean {
  return keysClash(keyOf(a), keyOf(b));
}

/** `clash` on comparison keys, for callers that hold them already (a key is a map lookup away). */
export function keysClash(ka: string, kb: string): boolean {
  if (ka === kb) return true;
  if (ka.length < 2 || kb.length < 2) return false;
  return ka.includes(kb) || kb.includes(ka);
}

/**
 * Code points numbered in order of first appearance, so that a bigram is one number, a small
 * integer while fewer than ~1900 distinct characters have been seen (see bigramsOf). Never
 * cleared: cached bigrams, and the indexes built on them, keep their numbers (and there are no
 * more numbers than code points).
 */
const charIds = new Map<number, number>();
/** More than there are code points: first × this + second names a bigram uniquely. */
const CODE_POINTS = 0x110000;

/**
 * The character bigrams of a text's comparison key, with their count (a multiset), as sorted
 * arrays of numbers: compared by merging, and a fraction of the memory of a map of two-character
 * strings per text (a large pack has a hundred thousand texts).
 */
export interface Bigrams {
  /** The distinct bigrams, numbered (see charIds), ascending. */
  grams: readonly number[];
  /** How many times each occurs. */
  counts: readonly number[];
  total: number;
}

const gramCache = new Map<string, Bigrams>();

/** Memoised, with the count: similarity is asked of the same texts over and over. */
export function bigramsOf(text: string): Bigrams {
  const cached = gramCache.get(text);
  if (cached) return cached;
  const key = keyOf(text);
  const codes: number[] = [];
  let previous = -1;
  // Code point by code point, as [...key] splits it (a lone surrogate is one).
  for (let i = 0; i < key.length; ) {
    const cp = key.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    let id = charIds.get(cp);
    if (id === undefined) charIds.set(cp, (id = charIds.size));
    if (previous >= 0) codes.push(previous * CODE_POINTS + id);
    previous = id;
  }
  codes.sort((a, b) => a - b);
  const grams: number[] = [];
  const counts: number[] = [];
  for (const c of codes) {
    if (grams[grams.length - 1] === c) counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      grams.push(c);
      counts.push(1);
    }
  }
  const out = { grams, counts, total: codes.length };
  if (gramCache.size > 500_000) gramCache.clear();
  gramCache.set(text, out);
  return out;
}

/** Σ min(count in a, count in b) over the bigrams both have (a merge of the sorted lists). */
export function sharedBigrams(a: Bigrams, b: Bigrams): number {
  let common = 0;
  for (let i = 0, j = 0; i < a.grams.length && j < b.grams.length; ) {
    const x = a.grams[i] as number;
    const y = b.grams[j] as number;
    if (x < y) i++;
    else if (y < x) j++;
    else common += Math.min(a.counts[i++] as number, b.counts[j++] as number);
  }
  return common;
}

/** Dice coefficient of character bigrams, 0..1: how alike two clauses read. */
export function similarity(a: string, b: string): number {
  return dice(a, bigramsOf(a), b, bigramsOf(b));
}

/** `similarity(·, b)`, with b's bigrams looked up once: it is compared with many candidates. */
export function similarityTo(b: string): (a: string) => number {
  const gb = bigramsOf(b);
  return (a) => dice(a, bigramsOf(a), b, gb);
}

function dice(a: string, ga: Bigrams, b: string, gb: Bigrams): number {
  const total = ga.total + gb.total;
  return total === 0 ? (keyOf(a) === keyOf(b) ? 1 : 0) : (2 * sharedBigrams(ga, gb)) / total;
}

/**
 * Two clauses this alike are taken to name the same happening or the same measured thing
 * (the source sometimes tells one story twice); their values are never offered as distractors
 * for each other.
 */
export const SAME_THING = 0.6;

/**
 * Splits a trailing parenthetical off a name: 「长三角中心区的27个城市（按省级行政区）」 →
 * core 「长三角中心区的27个城市」, dimension 「省级行政区」 (when it reads 按…).
 */
export function splitName(name: string): { core: string; dimension?: string; aside?: string } {
  const m = /^(.*?)\s*[（(]([^（）()]*)[）)]\s*$/u.exec(name);
  if (!m || !m[1]) return { core: name };
  const aside = m[2] ?? "";
  const by = /^按(.+)$/u.exec(aside);
  return by?.[1] ? { core: m[1], dimension: by[1], aside } : { core: m[1], aside };
}

/** Chinese numerals and digits that state a count inside a name (「五大」「四个」「27个」). */
export function nameStatesCount(name: string, count: number): boolean {
  const k = keyOf(name);
  return new RegExp(`(^|[^\\d])${count}(个|大|项|条|类|种|座|家|方面|阶段|城市|$)`, "u").test(k);
}

/** Words showing that a list is not complete (「等」, 「点名」, 「举例」…). */
export function looksOpen(...texts: (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && /等|点名|举例|列举|只点出|之一|例如|部分/u.test(t));
}
