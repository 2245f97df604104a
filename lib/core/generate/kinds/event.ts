import type { DocumentFact, EventFact } from "@/lib/core/content/schema";
import { monthAccept, yearAccept } from "../accept";
import {
  askableDate,
  concat,
  DistinctValues,
  interleave,
  isDisputed,
  lazily,
  mapLazily,
  mcDraft,
  possibleDates,
  rngOf,
  shuffleChanged,
  shuffledLazily,
  takeDistinct,
  skipping,
  type Draft,
  type PackContext,
  type Positional,
} from "../context";
import { compareDates, compatible, formatDate, parseDate, precisionOf, type DateParts } from "../dates";
import { bareCity, provinceOfCity } from "../gazetteer";
import type { Rng } from "../hash";
import { AlikeIndex } from "../lookup";
import { clash, clause, keyOf, keysClash, quote } from "../text";
import { FALSE, TRUE } from "../types";

type Dated = EventFact | DocumentFact;

/** What a dated fact is about: the event's clause or the document's title. */
export function labelOf(f: Dated): string {
  return f.kind === "event" ? f.what : f.title;
}

/**
 * The dated facts of one kind (events, or documents) with the indexes their questions need,
 * built once per pack: each question used to scan every other fact of its kind, several times.
 */
interface DatedPool {
  facts: Dated[];
  /**
   * Each fact's position in `facts`, in its section's list (bySection) and in its section's
   * askable list (askableBySection): lists that leave a few facts out are views over these
   * (see skipping), since sections grow with the pack.
   */
  position: Map<Dated, number>;
  inSection: Map<Dated, number>;
  inAskable: Map<Dated, number>;
  alike: AlikeIndex;
  /** Memo of sameThings, by fact id. */
  same: Map<string, Dated[]>;
  bySection: Map<string, Dated[]>;
  /** The askable facts of each section, with their askable dates (for timelines). */
  askableBySection: Map<string, { fact: Dated; date: DateParts }[]>;
  /** Facts by each year they might have happened in (see possibleDates). */
  byPossibleYear: Map<number, Dated[]>;
  /** Memo of maybeAt, by date. */
  maybeAt: Map<string, Set<Dated>>;
  /** Facts by the year of their date, each list in `nearer` order. */
  byYear: Map<number, Dated[]>;
  /** Of two facts equally far in time, the one first by id (then by pack order, as a stable sort has it). */
  nearer: (a: Dated, b: Dated) => number;
  minYear: number;
  maxYear: number;
}

const datedPools = new WeakMap<PackContext, Map<Dated["kind"], DatedPool>>();

function datedPool(ctx: PackContext, kind: Dated["kind"]): DatedPool {
  let perPack = datedPools.get(ctx);
  if (!perPack) datedPools.set(ctx, (perPack = new Map()));
  const cached = perPack.get(kind);
  if (cached) return cached;
  const facts: Dated[] = kind === "event" ? ctx.events : ctx.documents;
  const bySection = new Map<string, Dated[]>();
  const askableBySection = new Map<string, { fact: Dated; date: DateParts }[]>();
  const byPossibleYear = new Map<number, Dated[]>();
  const byYear = new Map<number, Dated[]>();
  const inSection = new Map<Dated, number>();
  const inAskable = new Map<Dated, number>();
  /** Adds v to k's list; its position there. */
  const add = <K, V>(map: Map<K, V[]>, k: K, v: V): number => {
    const list = map.get(k);
    if (!list) map.set(k, [v]);
    else list.push(v);
    return list ? list.length - 1 : 0;
  };
  for (const o of facts) {
    inSection.set(o, add(bySection, o.section, o));
    const askable = askableDate(o);
    if (askable) inAskable.set(o, add(askableBySection, o.section, { fact: o, date: askable.date }));
    for (const y of new Set(possibleDates(o).map((d) => d.y))) add(byPossibleYear, y, o);
    add(byYear, parseDate(o.date).y, o);
  }
  const position = new Map(facts.map((o, i) => [o, i]));
  const nearer = (a: Dated, b: Dated) => a.id.localeCompare(b.id) || (position.get(a) ?? 0) - (position.get(b) ?? 0);
  for (const list of byYear.values()) list.sort(nearer);
  const years = [...byYear.keys()];
  const pool: DatedPool = {
    facts,
    position,
    inSection,
    inAskable,
    alike: new AlikeIndex(facts.map(labelOf)),
    same: new Map(),
    bySection,
    askableBySection,
    byPossibleYear,
    maybeAt: new Map(),
    byYear,
    nearer,
    minYear: Math.min(...years),
    maxYear: Math.max(...years),
  };
  perPack.set(kind, pool);
  return pool;
}

/**
 * Other facts of the pool, nearest in year to `y` first, then by id: the order of sorting them
 * by (|year − y|, id), read from the year index as far as the reader goes.
 */
function* byNearness(pool: DatedPool, y: number): Generator<Dated> {
  for (let d = 0; y - d >= pool.minYear || y + d <= pool.maxYear; d++) {
    const below = pool.byYear.get(y - d) ?? [];
    const above = d === 0 ? [] : (pool.byYear.get(y + d) ?? []);
    // The two years are equally far: merge their lists.
    let i = 0;
    let j = 0;
    while (i < below.length || j < above.length) {
      const a = below[i];
      const b = above[j];
      if (a !== undefined && (b === undefined || pool.nearer(a, b) <= 0)) {
        yield a;
        i++;
      } else if (b !== undefined) {
        yield b;
        j++;
      }
    }
  }
}

/** Facts of the same kind telling the same happening (or naming the same document). */
function sameThings(ctx: PackContext, f: Dated): Dated[] {
  const pool = datedPool(ctx, f.kind);
  let same = pool.same.get(f.id);
  if (!same) {
    same = pool.alike.alike(labelOf(f)).map((i) => pool.facts[i] as Dated).filter((o) => o.id !== f.id);
    pool.same.set(f.id, same);
  }
  return same;
}

const storyYearsCache = new WeakMap<PackContext, number[]>();

/** The distinct years of the pack's dated facts, in order of first appearance (events, then documents). */
function storyYears(ctx: PackContext): number[] {
  let years = storyYearsCache.get(ctx);
  if (!years) {
    years = [...new Set([...ctx.events, ...ctx.documents].map((o) => parseDate(o.date).y))];
    storyYearsCache.set(ctx, years);
  }
  return years;
}

/**
 * Year distractors: never the answer's year, never a year the same happening is given
 * elsewhere (or in a dispute), never after the pack's last year. Ranked: years of other dated
 * facts of the pack near the answer (real dates of the story, so plausible) interleaved with
 * nearby years (±1…±4).
 */
export function yearDistractors(ctx: PackContext, f: Dated, date: DateParts, rng: Rng): number[] {
  const forbidden = new Set<number>([date.y]);
  for (const d of possibleDates(f)) forbidden.add(d.y);
  for (const o of sameThings(ctx, f)) for (const d of possibleDates(o)) forbidden.add(d.y);
  const ok = (y: number) => !forbidden.has(y) && y <= ctx.maxYear && y > 1900;
  const story = storyYears(ctx).filter((y) => ok(y) && Math.abs(y - date.y) <= 10);
  const near = [-4, -3, -2, -1, 1, 2, 3, 4].map((k) => date.y + k).filter(ok);
  const ranked = interleave(rng, story, near);
  return [...new Set(ranked)];
}

function dateQuestionFacet(reduced: boolean): string {
  return reduced ? "year" : "date";
}

/**
 * The date facet of an event or a document: mc year, typed year, typed month (when the source
 * gives the month), true/false on the year, the reverse mc (which happening / which document
 * for a date) and a timeline order question.
 */
export function datedQuestions(
  ctx: PackContext,
  f: Dated,
  words: { ask: (what: string) => string; askMonth: (what: string) => string; state: (what: string, when: string) => string },
  /** The facet of the reverse question (which happening / which document for a date); null: none. */
  reverseFacet?: string | null,
): Draft[] {
  const askable = askableDate(f);
  if (!askable) return [];
  const { date, reduced } = askable;
  const facet = dateQuestionFacet(reduced);
  const what = f.kind === "event" ? clause(f.what) : `《${f.title}》`;
  const when = formatDate(date);
  const why = words.state(what, when);
  const drafts: Draft[] = [];
  const rng = rngOf(ctx, f, "date");
  const years = yearDistractors(ctx, f, date, rng);

  const mc = mcDraft(
    ctx,
    rng,
    { facet, variant: "year", prompt: words.ask(what), answer: `${date.y}年`, why },
    `${date.y}年`,
    years.map((y) => `${y}年`),
    { sort: (a, b) => parseInt(a, 10) - parseInt(b, 10) },
  );
  if (mc) drafts.push(mc);

  drafts.push({
    form: "typed",
    facet,
    variant: "year",
    prompt: `${words.ask(what)}（填写年份）`,
    answer: String(date.y),
    accept: yearAccept(date.y),
    why,
  });

  if (precisionOf(date) !== "year" && date.m !== undefined) {
    drafts.push({
      form: "typed",
      facet,
      variant: "month",
      prompt: `${words.askMonth(what)}（填写年月，如1990年1月）`,
      answer: `${date.y}年${date.m}月`,
      accept: monthAccept(date.y, date.m),
      why,
    });
  }

  const falseYear = years[0];
  const truth = falseYear === undefined || rngOf(ctx, f, "tf").chance(0.5);
  drafts.push({
    form: "tf",
    facet,
    variant: "year",
    prompt: `${words.state(what, `${truth ? date.y : falseYear}年`)}。`,
    answer: truth ? TRUE : FALSE,
    why: truth ? why : `${why}，而不是${falseYear}年`,
  });

  const reverse = reverseFacet === null ? undefined : reverseQuestion(ctx, f, date, why, reverseFacet ?? facet);
  if (reverse) drafts.push(reverse);
  const timeline = timelineQuestion(ctx, f, facet);
  if (timeline) drafts.push(timeline);
  return drafts;
}

/** Could `o` have happened at `date`? Then it must not be a distractor for that date. */
export function mayBeAt(o: Dated, date: DateParts): boolean {
  return possibleDates(o).some((d) => compatible(d, date));
}

/**
 * The facts of f's kind that may have happened at `date` (found among those with a possible
 * date in its year). Memoised by date: many facts share a date.
 */
function maybeAt(ctx: PackContext, kind: Dated["kind"], date: DateParts): Set<Dated> {
  const pool = datedPool(ctx, kind);
  const key = formatDate(date);
  let at = pool.maybeAt.get(key);
  if (!at) {
    at = new Set((pool.byPossibleYear.get(date.y) ?? []).filter((o) => mayBeAt(o, date)));
    pool.maybeAt.set(key, at);
  }
  return at;
}

/** The other facts of f's kind, in pack order, that certainly did not happen at `date` (a view, see skipping). */
export function certainlyNotAt(ctx: PackContext, f: Dated, date: DateParts): Positional<Dated> {
  const pool = datedPool(ctx, f.kind);
  const at = maybeAt(ctx, f.kind, date);
  return skipping(pool.facts, positions([f, ...at], (o) => pool.position.get(o)));
}

/** The distinct positions (ascending) of some facts in a list, by `where` (undefined: not in it). */
function positions(facts: Iterable<Dated>, where: (o: Dated) => number | undefined): number[] {
  const found = new Set<number>();
  for (const o of facts) {
    const p = where(o);
    if (p !== undefined) found.add(p);
  }
  return [...found].sort((a, b) => a - b);
}

/** 「下列哪件事发生在1982年12月？」: distractors are happenings certainly at another date. */
export function reverseQuestion(ctx: PackContext, f: Dated, date: DateParts, why: string, facet: string): Draft | undefined {
  const pool = datedPool(ctx, f.kind);
  const display = (o: Dated) => (o.kind === "event" ? clause(o.what) : `《${o.title}》`);
  const answer = display(f);
  // Another undated-enough version of this very happening would be right too.
  const same = new Set(sameThings(ctx, f));
  const at = maybeAt(ctx, f.kind, date);
  const candidate = (o: Dated) => o !== f && !at.has(o) && !same.has(o);
  const rng = rngOf(ctx, f, "reverse");
  // The section's facts but f, those maybe at the date and those telling the same happening.
  const inSection = (o: Dated) => (o.section === f.section ? pool.inSection.get(o) : undefined);
  const sameSection = skipping(pool.bySection.get(f.section) ?? [], positions([f, ...at, ...same], inSection));
  // The 8 nearest in time from other sections.
  const near: Dated[] = [];
  for (const o of byNearness(pool, date.y)) {
    if (near.length >= 8) break;
    if (o.section !== f.section && candidate(o)) near.push(o);
  }
  const ranked = mapLazily(concat(shuffledLazily(rng, sameSection), shuffledLazily(rng, near)), display);
  const prompt =
    f.kind === "event" ? `下列哪件事发生在${formatDate(date)}？` : `下列哪份文件出台于${formatDate(date)}？`;
  return mcDraft(ctx, rng, { facet, variant: "reverse", prompt, answer, why }, answer, ranked);
}

/**
 * A timeline: this fact and up to orderSize − 1 others (same section first, then nearest in
 * time) whose dates are all certainly ordered against each other.
 */
function timelineQuestion(ctx: PackContext, f: Dated, facet: string): Draft | undefined {
  const pool = datedPool(ctx, f.kind);
  const own = askableDate(f);
  if (!own) return undefined;
  const rng = rngOf(ctx, f, "timeline");
  const dated = (o: Dated) => {
    const a = o === f ? undefined : askableDate(o);
    return a ? [{ fact: o, date: a.date }] : [];
  };
  const askableHere = pool.askableBySection.get(f.section) ?? [];
  const sameSection = shuffledLazily(rng, skipping(askableHere, [pool.inAskable.get(f) as number]));
  const year = own.date.y;
  // Same section first, then other sections nearest in time (read only as far as needed).
  function* candidates() {
    yield* sameSection;
    for (const o of byNearness(pool, year)) if (o.section !== f.section) yield* dated(o);
  }
  const chosen = [{ fact: f, date: own.date }];
  const chosenKeys = [keyOf(labelOf(f))];
  for (const o of candidates()) {
    if (chosen.length >= ctx.settings.orderSize) break;
    const ordered = chosen.every((c) => compareDates(c.date, o.date) !== 0);
    if (!ordered) continue;
    const key = keyOf(labelOf(o.fact));
    if (chosenKeys.some((k) => keysClash(k, key))) continue;
    chosen.push(o);
    chosenKeys.push(key);
  }
  if (chosen.length < 3) return undefined;
  chosen.sort((a, b) => compareDates(a.date, b.date));
  const display = (o: Dated) => (o.kind === "event" ? clause(o.what) : `《${o.title}》`);
  const answer = chosen.map((c) => display(c.fact));
  const prompt =
    f.kind === "event" ? "请将下列事件按发生的先后顺序排列。" : "请将下列文件按出台的先后顺序排列。";
  return {
    form: "order",
    facet,
    variant: "timeline",
    prompt,
    choices: shuffleChanged(rng, answer),
    answer,
    why: `先后顺序为：${chosen.map((c) => `${display(c.fact)}（${formatDate(c.date)}）`).join("；")}`,
  };
}

const placesCache = new WeakMap<PackContext, DistinctValues<EventFact>>();

/** The places the pack's events give. */
function placesOf(ctx: PackContext): DistinctValues<EventFact> {
  let places = placesCache.get(ctx);
  if (!places) placesCache.set(ctx, (places = new DistinctValues(ctx.events, (o) => o.where)));
  return places;
}

/** 「……的地点是？」: other events' places and cities of the pack; never a place of the same happening. */
function placeQuestions(ctx: PackContext, f: EventFact): Draft[] {
  if (!f.where || isDisputed(f, "where") || keyOf(f.what).includes(keyOf(f.where))) return [];
  const where = f.where;
  const forbidden = [where, ...sameThings(ctx, f).flatMap((o) => (o.kind === "event" && o.where ? [o.where] : []))];
  const rng = rngOf(ctx, f, "place");
  const otherPlaces = placesOf(ctx).without(f);
  const cityLike = provinceOfCity(where) !== undefined;
  const cities = cityLike ? [...ctx.mentionedCities].filter((c) => c !== bareCity(where)) : [];
  const ranked = lazily(interleave(rng, otherPlaces, cities), (p) => !forbidden.some((x) => clash(x, p)));
  const what = clause(f.what);
  const why = `${what}的地点是${where}`;
  const drafts: Draft[] = [];
  const mc = mcDraft(ctx, rng, { facet: "place", variant: "place", prompt: `${what}，地点在哪里？`, answer: where, why }, where, ranked);
  if (!mc) return [];
  drafts.push(mc);
  const wrong = takeDistinct(ranked, forbidden, 1)[0];
  const truth = wrong === undefined || rngOf(ctx, f, "place-tf").chance(0.5);
  drafts.push({
    form: "tf",
    facet: "place",
    variant: "place",
    prompt: `${what}，地点是${truth ? where : wrong}。`,
    answer: truth ? TRUE : FALSE,
    why,
  });
  return drafts;
}

export function eventQuestions(ctx: PackContext, f: EventFact): Draft[] {
  const drafts = isDisputed(f, "what")
    ? []
    : datedQuestions(ctx, f, {
        ask: (what) => `${what}是在哪一年？`,
        askMonth: (what) => `${what}是在哪年哪月？`,
        state: (what, when) => `${what}是在${when}`,
      });
  return [...drafts, ...placeQuestions(ctx, f)];
}

export { quote };
