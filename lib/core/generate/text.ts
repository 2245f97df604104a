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
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka === kb) return true;
  if (ka.length < 2 || kb.length < 2) return false;
  return ka.includes(kb) || kb.includes(ka);
}

/** The character bigrams of a text's comparison key, with their count (a multiset). */
export interface Bigrams {
  grams: Map<string, number>;
  total: number;
}

const gramCache = new Map<string, Bigrams>();

/** Memoised, with the count: similarity is asked of the same texts over and over. */
export function bigramsOf(text: string): Bigrams {
  const cached = gramCache.get(text);
  if (cached) return cached;
  const chars = [...keyOf(text)];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  const out = { grams, total: Math.max(0, chars.length - 1) };
  if (gramCache.size > 500_000) gramCache.clear();
  gramCache.set(text, out);
  return out;
}

/** Dice coefficient of character bigrams, 0..1: how alike two clauses read. */
export function similarity(a: string, b: string): number {
  const ga = bigramsOf(a);
  const gb = bigramsOf(b);
  const total = ga.total + gb.total;
  let common = 0;
  for (const [g, n] of ga.grams) common += Math.min(n, gb.grams.get(g) ?? 0);
  return total === 0 ? (keyOf(a) === keyOf(b) ? 1 : 0) : (2 * common) / total;
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
