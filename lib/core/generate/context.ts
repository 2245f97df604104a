import type {
  DocumentFact,
  EventFact,
  Fact,
  MembershipFact,
  Pack,
  QuantityFact,
  SetFact,
  TermFact,
} from "@/lib/core/content/schema";
import { parseDate, yearOnly, type DateParts } from "./dates";
import { PROVINCES, YRD_CITIES } from "./gazetteer";
import { questionId, rngFor, type Rng, type ShuffleOrder } from "./hash";
import { clause, keyOf, keysClash, sentence } from "./text";
import type { GenerateOptions, Question, QuestionForm } from "./types";
import { MATCH_SEPARATOR } from "./types";

export interface Settings {
  mcOptions: 3 | 4;
  orderSize: number;
  matchSize: number;
}

/** What every kind generator can see: the pack's facts sorted by kind, and a few indexes. */
export interface PackContext {
  pack: Pack;
  settings: Settings;
  events: EventFact[];
  documents: DocumentFact[];
  quantities: QuantityFact[];
  sets: SetFact[];
  memberships: MembershipFact[];
  terms: TermFact[];
  /** Cities of the gazetteer that the pack's text mentions, in gazetteer order. */
  mentionedCities: Set<string>;
  /** Provinces the pack's text mentions (安徽省, 福建省…), spelled with 省/市 as in the text. */
  mentionedProvinces: Set<string>;
  /** Latest year any dated fact of the pack names (year distractors stay at or before it). */
  maxYear: number;
}

function factTexts(f: Fact): string[] {
  switch (f.kind) {
    case "event":
      return [f.what, f.where ?? ""];
    case "quantity":
      return [f.subject];
    case "set":
      return [f.name, ...f.items.flatMap((i) => [i.term, i.gloss ?? ""])];
    case "membership":
      return [f.name, ...Object.entries(f.groups).flat(2)];
    case "document":
      return [f.title, f.issuer ?? ""];
    case "term":
      return [f.term, f.definition];
  }
}

export function buildContext(pack: Pack, options: GenerateOptions = {}): PackContext {
  const of = <K extends Fact["kind"]>(kind: K) => pack.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
  const text = pack.facts.flatMap(factTexts).join("\n");
  const mentionedCities = new Set<string>();
  for (const cities of Object.values(YRD_CITIES)) for (const c of cities) if (text.includes(c)) mentionedCities.add(c);
  const mentionedProvinces = new Set<string>();
  for (const p of PROVINCES) {
    const spelled = [`${p}省`, `${p}市`].find((s) => text.includes(s));
    if (spelled) mentionedProvinces.add(spelled);
  }
  const years = pack.facts.flatMap((f) => ("date" in f ? [parseDate(f.date).y] : []));
  return {
    pack,
    settings: {
      mcOptions: options.mcOptions ?? 4,
      orderSize: options.orderSize ?? 4,
      matchSize: options.matchSize ?? 5,
    },
    events: of("event"),
    documents: of("document"),
    quantities: of("quantity"),
    sets: of("set"),
    memberships: of("membership"),
    terms: of("term"),
    mentionedCities,
    mentionedProvinces,
    maxYear: years.length > 0 ? Math.max(...years) : 2100,
  };
}

/** Is `field` of the fact disputed (and so never asked)? */
export function isDisputed(f: Fact, field: string): boolean {
  return f.disputed?.field === field;
}

const askableCache = new WeakMap<EventFact | DocumentFact, { date: DateParts; reduced: boolean } | null>();

/**
 * The date of an event or document as far as it can be asked. When the source disagrees on
 * the date but every version has the same year, the year is not disputed and is asked alone
 * (`reduced`); when the years differ too, nothing is asked (undefined).
 */
export function askableDate(f: EventFact | DocumentFact): Readonly<{ date: DateParts; reduced: boolean }> | undefined {
  // Memoised per fact (null: not askable): timelines ask it of every fact of a section.
  const cached = askableCache.get(f);
  if (cached !== undefined) return cached ?? undefined;
  const date = parseDate(f.date);
  let askable: { date: DateParts; reduced: boolean } | undefined;
  if (!isDisputed(f, "date")) askable = { date, reduced: false };
  else {
    const years = new Set((f.disputed?.values ?? []).map((v) => parseDate(String(v)).y));
    years.add(date.y);
    askable = years.size === 1 ? { date: yearOnly(date), reduced: true } : undefined;
  }
  askableCache.set(f, askable ?? null);
  return askable;
}

const possibleDatesCache = new WeakMap<EventFact | DocumentFact, readonly DateParts[]>();

/**
 * Every date the fact might have: its own and, when its date is disputed, the others.
 * Memoised per fact: distractor checks ask it of every other dated fact of the pack.
 */
export function possibleDates(f: EventFact | DocumentFact): readonly DateParts[] {
  const cached = possibleDatesCache.get(f);
  if (cached) return cached;
  const dates = [parseDate(f.date)];
  if (isDisputed(f, "date")) {
    for (const v of f.disputed?.values ?? []) {
      const s = String(v);
      if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) dates.push(parseDate(s));
    }
  }
  possibleDatesCache.set(f, dates);
  return dates;
}

/** A question before its id, pack and fact fields are filled in. */
export interface Draft {
  form: QuestionForm;
  facet: string;
  variant: string;
  prompt: string;
  choices?: string[];
  answer: string | string[];
  accept?: string[];
  tolerance?: number;
  unit?: string;
  pairs?: { left: string; right: string }[];
  /** The core sentence of the explanation; the fact's note and dispute are appended. */
  why: string;
}

/** Explanation: the reason, then the fact's note, then the dispute (always mentioned). */
export function explain(f: Fact, why: string): string {
  const parts = [sentence(why)];
  if (f.note) parts.push(sentence(f.note));
  if (f.disputed) parts.push(`注意：${sentence(f.disputed.note)}`);
  return parts.join("");
}

export function toQuestion(ctx: PackContext, f: Fact, d: Draft): Question {
  // Key order is the export order (scripts/bank-export.ts prints the objects as they are).
  return {
    id: questionId(ctx.pack.id, f.id, d.form, d.variant),
    pack: ctx.pack.id,
    factId: f.id,
    kind: f.kind,
    form: d.form,
    prompt: d.prompt,
    ...(d.choices ? { choices: d.choices } : {}),
    answer: d.answer,
    ...(d.accept ? { accept: dedupeAccept(d.answer, d.accept) } : {}),
    explanation: explain(f, d.why),
    section: f.section,
    facet: d.facet,
    variant: d.variant,
    ...(d.tolerance !== undefined ? { tolerance: d.tolerance } : {}),
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    ...(d.pairs ? { pairs: d.pairs } : {}),
  };
}

function dedupeAccept(answer: string | string[], accept: string[]): string[] {
  const seen = new Set<string>([typeof answer === "string" ? answer : ""]);
  const out: string[] = [];
  for (const a of accept) {
    if (seen.has(a) || a.length === 0) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}

/** No two of the keys are equal. */
const distinct = (keys: readonly string[]) => new Set(keys).size === keys.length;

/**
 * Checks the invariants every question must satisfy; returns what is wrong, or undefined.
 * Questions that fail are dropped by the generator (and the tests assert none fail).
 */
export function validateQuestion(q: Question): string | undefined {
  // Every text's key is worked out once (they are compared pairwise below).
  const answers = typeof q.answer === "string" ? [q.answer] : q.answer;
  const answerKeys = answers.map(keyOf);
  if (answerKeys.some((k) => k.length === 0)) return "empty answer";
  switch (q.form) {
    case "mc": {
      if (!q.choices || q.choices.length < 3 || q.choices.length > 4) return "mc needs 3 or 4 choices";
      if (typeof q.answer !== "string") return "mc answer must be a string";
      const choiceKeys = q.choices.map(keyOf);
      if (!distinct(choiceKeys)) return "mc choices not distinct";
      const answerKey = answerKeys[0] as string;
      const hits = choiceKeys.filter((k) => k === answerKey).length;
      if (hits !== 1) return "mc answer must be among the choices exactly once";
      for (let i = 0; i < q.choices.length; i++) {
        const c = q.choices[i] as string;
        if (c !== q.answer && keysClash(choiceKeys[i] as string, answerKey)) return `mc choice "${c}" clashes with the answer`;
      }
      return undefined;
    }
    case "tf":
      return q.answer === "正确" || q.answer === "错误" ? undefined : "tf answer must be 正确 or 错误";
    case "typed":
    case "numeric":
      if (typeof q.answer !== "string") return `${q.form} answer must be a string`;
      if (q.choices) return `${q.form} has no choices`;
      return undefined;
    case "multi": {
      if (!q.choices || !Array.isArray(q.answer)) return "multi needs choices and an answer list";
      const choiceKeys = q.choices.map(keyOf);
      if (!distinct(choiceKeys)) return "multi choices not distinct";
      const choiceSet = new Set(choiceKeys);
      if (!answerKeys.every((k) => choiceSet.has(k))) return "multi answer not among choices";
      if (q.choices.length <= q.answer.length) return "multi needs at least one wrong option";
      for (let i = 0; i < q.choices.length; i++) {
        const wk = choiceKeys[i] as string;
        if (answerKeys.includes(wk)) continue;
        for (let j = 0; j < answers.length; j++) {
          if (keysClash(wk, answerKeys[j] as string)) return `multi distractor "${q.choices[i]}" clashes with "${answers[j]}"`;
        }
      }
      return undefined;
    }
    case "order": {
      if (!q.choices || !Array.isArray(q.answer)) return "order needs choices and an answer list";
      if (q.answer.length < 2 || q.choices.length !== q.answer.length) return "order choices must be the answer items";
      if (!distinct(answerKeys)) return "order items not distinct";
      const a = [...answerKeys].sort();
      const c = q.choices.map(keyOf).sort();
      return a.every((k, i) => k === c[i]) ? undefined : "order choices must be the answer items";
    }
    case "match": {
      if (!q.choices || !Array.isArray(q.answer) || !q.pairs) return "match needs choices, pairs and answer";
      if (q.pairs.length < 2) return "match needs at least two pairs";
      if (!distinct(q.pairs.map((p) => keyOf(p.left)))) return "match lefts not distinct";
      const choiceKeys = q.choices.map(keyOf);
      if (!distinct(choiceKeys)) return "match choices not distinct";
      const choiceSet = new Set(choiceKeys);
      const rightKeys = q.pairs.map((p) => keyOf(p.right));
      if (!rightKeys.every((k) => choiceSet.has(k))) return "match right side not among choices";
      const expected = q.pairs.map((p) => `${p.left}${MATCH_SEPARATOR}${p.right}`);
      if (expected.join("\n") !== q.answer.join("\n")) return "match answer must follow pairs";
      // A left item must not also fit another offered right side.
      for (const rk of rightKeys) {
        for (const ck of choiceKeys) if (ck !== rk && keysClash(ck, rk)) return "match choices clash";
      }
      return undefined;
    }
  }
}

/** The seeded random source of one question (or of one fact's shared choices). */
export function rngOf(ctx: PackContext, f: Fact, salt: string): Rng {
  return rngFor(`${ctx.pack.id}/${f.id}/${salt}`);
}

/**
 * Takes up to `n` candidates in order, skipping any that clash with `avoid` or with one
 * already taken. Candidates come ranked (best first); callers shuffle within ranks. Reads no
 * further than it needs, so candidates may be computed as they are read (see `lazily`).
 */
export function takeDistinct(candidates: Iterable<string>, avoid: readonly string[], n: number): string[] {
  const out: string[] = [];
  // The keys a candidate must not clash with: the avoided texts', then those taken.
  const taken = avoid.map(keyOf);
  for (const c of candidates) {
    if (out.length >= n) break;
    const key = keyOf(c);
    if (key.length === 0) continue;
    if (taken.some((t) => keysClash(t, key))) continue;
    out.push(c);
    taken.push(key);
  }
  return out;
}

/**
 * The items that pass `keep`, in order, tested only as they are read: a ranked list of
 * candidates is long in a large pack, and its reader (takeDistinct) usually wants three.
 */
export function lazily<T>(items: Iterable<T>, keep: (item: T) => boolean): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) if (keep(item)) yield item;
    },
  };
}

/** The items of each list in turn, read lazily. */
export function concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const list of lists) yield* list;
    },
  };
}

/** The items mapped by `map`, computed as they are read. */
export function mapLazily<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield map(item);
    },
  };
}

/**
 * For each fact, the distinct values the pack's other facts give (an event's place, a
 * document's issuer), in order of first appearance. Built once per pack: asking it of every
 * fact by a scan of all the others made generation quadratic.
 */
export class DistinctValues<F extends Fact> {
  /** The distinct values, in order of first appearance. */
  private readonly values: string[] = [];
  /** Value → positions (in `facts`) of the facts giving it, ascending. */
  private readonly holders = new Map<string, number[]>();
  private readonly position = new Map<F, number>();

  constructor(
    facts: readonly F[],
    private readonly valueOf: (f: F) => string | undefined,
  ) {
    facts.forEach((f, i) => {
      this.position.set(f, i);
      const v = valueOf(f);
      if (v === undefined) return;
      const list = this.holders.get(v);
      if (list) list.push(i);
      else {
        this.holders.set(v, [i]);
        this.values.push(v);
      }
    });
  }

  /** `[...new Set(values of every fact but f)]`. */
  without(f: F): string[] {
    const v = this.valueOf(f);
    const holders = v === undefined ? undefined : this.holders.get(v);
    // Only when f is the first to give its value does leaving f out change the list.
    if (v === undefined || !holders || holders[0] !== this.position.get(f)) return [...this.values];
    const out = this.values.filter((x) => x !== v);
    const next = holders[1];
    if (next === undefined) return out;
    // The value now first appears with its next holder.
    const at = out.findIndex((x) => (this.holders.get(x)?.[0] ?? 0) > next);
    out.splice(at < 0 ? out.length : at, 0, v);
    return out;
  }
}

/**
 * `rng.shuffle(items)` (its draws taken now), read lazily: readers of candidate lists usually
 * take a few items of a list as long as the pack, and need not copy it.
 */
export function shuffledLazily<T>(rng: Rng, items: Positional<T>): Iterable<T> {
  return shuffledLater(rng, items.length, () => items);
}

/**
 * `rng.shuffle(list)` for a list that is built only if the shuffle is read: its draws are taken
 * now (they depend only on its length); the list is built, and its order worked out, when first
 * read. Many candidate lists are never reached: their reader finds enough before them.
 */
export function shuffledLater<T>(rng: Rng, length: number, build: () => Positional<T>): Iterable<T> {
  const order = rng.order(length);
  let items: Positional<T> | undefined;
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < length; i++) {
        items ??= build();
        yield items.at(order.at(i)) as T;
      }
    },
  };
}

/**
 * `items` without the positions `left` (ascending, each a position of `items`), as a view: the
 * k-th item kept is found by stepping over the left positions before it. For a few positions
 * left out of a list as long as the pack, of which a reader takes a handful: no filtered copy.
 */
export function skipping<T>(items: Positional<T>, left: ArrayLike<number>): Positional<T> & Iterable<T> {
  const length = items.length - left.length;
  const at = (k: number) => {
    let p = k;
    for (let i = 0; i < left.length && (left[i] as number) <= p; i++) p++;
    return items.at(p);
  };
  return {
    length,
    at,
    *[Symbol.iterator]() {
      for (let k = 0; k < length; k++) yield at(k) as T;
    },
  };
}

/** The first `n` items, read lazily. */
export function take<T>(items: Iterable<T>, n: number): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      if (n <= 0) return;
      let k = 0;
      for (const item of items) {
        yield item;
        if (++k >= n) return;
      }
    },
  };
}

/** A list read by position: an array, or a view that finds an item from its position without copying a list. */
export interface Positional<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/**
 * Interleaves ranked tiers: shuffles each tier (seeded), then takes from them in turn. Read
 * lazily (see shuffledLazily).
 */
export function interleave<T>(rng: Rng, ...tiers: readonly Positional<T>[]): Iterable<T> {
  const orders = tiers.map((t) => rng.order(t.length));
  const longest = Math.max(0, ...tiers.map((t) => t.length));
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < longest; i++) {
        for (let k = 0; k < tiers.length; k++) {
          const order = orders[k] as ShuffleOrder;
          if (i < order.length) yield (tiers[k] as Positional<T>).at(order.at(i)) as T;
        }
      }
    },
  };
}

/** Shuffles, but never returns the original order (an order question must need work). */
export function shuffleChanged<T>(rng: Rng, items: readonly T[]): T[] {
  if (items.length < 2) return [...items];
  const out = rng.shuffle(items);
  if (out.every((x, i) => x === items[i])) out.push(out.shift() as T);
  return out;
}

/** Number of distractors an mc question should get, given how many candidates exist. */
export function mcDistractorCount(ctx: PackContext): number {
  return ctx.settings.mcOptions - 1;
}

/** Builds an mc draft when enough distinct distractors exist (3 or 4 options), else undefined. */
export function mcDraft(
  ctx: PackContext,
  rng: Rng,
  base: Omit<Draft, "form" | "choices">,
  answer: string,
  ranked: Iterable<string>,
  opts: { sort?: (a: string, b: string) => number } = {},
): Draft | undefined {
  const distractors = takeDistinct(ranked, [answer], mcDistractorCount(ctx));
  if (distractors.length < 2) return undefined;
  const options = [answer, ...distractors];
  const choices = opts.sort ? [...options].sort(opts.sort) : rng.shuffle(options);
  return { ...base, form: "mc", choices, answer };
}

/** Splits a list into `parts` nearly equal chunks, keeping order. */
export function chunk<T>(items: readonly T[], max: number): T[][] {
  if (items.length <= max) return [[...items]];
  const parts = Math.ceil(items.length / max);
  const size = Math.ceil(items.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** 「A、B和C」 */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
}

export { clause };
