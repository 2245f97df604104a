import type { SetFact } from "@/lib/core/content/schema";
import { countAccept, toChineseNumber } from "../accept";
import {
  chunk,
  isDisputed,
  listText,
  rngOf,
  shuffleChanged,
  takeDistinct,
  type Draft,
  type PackContext,
} from "../context";
import { provinceOf, provinceOfCity } from "../gazetteer";
import type { Rng } from "../hash";
import { clash, clause, keyOf, looksOpen, nameStatesCount, quote, SAME_THING, similarity, splitName } from "../text";
import { FALSE, MATCH_SEPARATOR, TRUE } from "../types";

const placeKinds = new Map<string, "city" | "province" | undefined>();

/** "city", "province" or undefined: a list of places gets places of the same sort as distractors. */
function placeKind(t: string): "city" | "province" | undefined {
  if (placeKinds.has(t)) return placeKinds.get(t);
  const kind = provinceOfCity(t) !== undefined ? "city" : provinceOf(t) !== undefined ? "province" : undefined;
  placeKinds.set(t, kind);
  return kind;
}

const isPlace = (t: string) => placeKind(t) !== undefined;

/** The first part of a section path (「发展历史 / 规划协调阶段」 → 「发展历史」). */
const topSection = (section: string) => section.split("/")[0]?.trim() ?? section;

/** Sets that name the same list as `f` (the source tells some lists twice): never a source of distractors. */
function twinSets(ctx: PackContext, f: SetFact): Set<string> {
  return new Set(ctx.sets.filter((o) => o.id !== f.id && similarity(o.name, f.name) >= SAME_THING).map((o) => o.id));
}

const lineageCache = new WeakMap<PackContext, Map<string, Set<string>>>();

/**
 * Parent → children among the pack's sets: set B is a child of set A when an item of A (of four
 * characters or more) appears in B's name (「推进环境协同防治」 is a task; 「推进环境协同防治的
 * 具体方面」 lists its parts).
 */
function childrenOf(ctx: PackContext): Map<string, Set<string>> {
  const cached = lineageCache.get(ctx);
  if (cached) return cached;
  const children = new Map<string, Set<string>>();
  for (const a of ctx.sets) {
    const set = new Set<string>();
    const items = a.items.map((i) => keyOf(i.term)).filter((k) => k.length >= 4);
    for (const b of ctx.sets) {
      if (b.id === a.id) continue;
      const name = keyOf(b.name);
      if (items.some((k) => name.includes(k))) set.add(b.id);
    }
    children.set(a.id, set);
  }
  lineageCache.set(ctx, children);
  return children;
}

/** The sets above and below `f` in that hierarchy, transitively. */
function lineage(ctx: PackContext, f: SetFact): { above: Set<string>; below: Set<string> } {
  const children = childrenOf(ctx);
  const walk = (start: string, next: (id: string) => Iterable<string>) => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      for (const n of next(id)) {
        if (seen.has(n) || n === f.id) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return seen;
  };
  const below = walk(f.id, (id) => children.get(id) ?? []);
  const above = walk(f.id, (id) => [...children].filter(([, c]) => c.has(id)).map(([p]) => p));
  return { above, below };
}

const bigramSets = new Map<string, Set<string>>();

function bigramSet(text: string): Set<string> {
  let out = bigramSets.get(text);
  if (out) return out;
  const chars = [...keyOf(text)];
  out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (bigramSets.size > 200_000) bigramSets.clear();
  bigramSets.set(text, out);
  return out;
}

const genericCache = new WeakMap<PackContext, Set<string>>();

/**
 * Bigrams so common among the pack's list items that sharing one says nothing about the topic
 * (发展, 推进, 一体, 机制, 长三…): those used by at least 6 different items.
 */
function genericBigrams(ctx: PackContext): Set<string> {
  const cached = genericCache.get(ctx);
  if (cached) return cached;
  const items = new Set<string>();
  for (const s of ctx.sets) for (const i of s.items) items.add(i.term);
  for (const m of ctx.memberships) for (const member of Object.values(m.groups).flat()) items.add(member);
  const df = new Map<string, number>();
  for (const t of items) for (const g of bigramSet(t)) df.set(g, (df.get(g) ?? 0) + 1);
  const generic = new Set([...df].filter(([, n]) => n >= 6).map(([g]) => g));
  genericCache.set(ctx, generic);
  return generic;
}

/**
 * Too close to an item to be certainly wrong, though not equal: two short words sharing a
 * character other than their last (资金 / 资本, 大商务 / 高端商务), or phrases sharing a
 * bigram that is not common in the pack (惠民一卡通 / 公共服务一卡通, 太湖流域水环境综合治理 /
 * 重点流域水污染防治): they are likely about the same thing in other words.
 */
function tooClose(ctx: PackContext, candidate: string, item: string): boolean {
  const a = [...keyOf(candidate)];
  const b = [...keyOf(item)];
  if (a.length <= 4 && b.length <= 4) {
    const head = new Set(b.slice(0, -1));
    if (a.slice(0, -1).some((ch) => head.has(ch))) return true;
  }
  const generic = genericBigrams(ctx);
  const mine = bigramSet(candidate);
  const other = bigramSet(item);
  let shared = 0;
  for (const g of mine) {
    if (!other.has(g)) continue;
    if (!generic.has(g)) return true;
    shared++;
  }
  // Phrases made of the same common words read alike even without a rare bigram.
  return mine.size + other.size > 0 && (2 * shared) / (mine.size + other.size) >= 0.5;
}

const distractorCache = new WeakMap<PackContext, Map<string, { text: string; score: number }[]>>();

export function itemDistractors(ctx: PackContext, f: SetFact, rng: Rng): string[] {
  let perPack = distractorCache.get(ctx);
  if (!perPack) distractorCache.set(ctx, (perPack = new Map()));
  let base = perPack.get(f.id);
  if (!base) perPack.set(f.id, (base = rankedPool(ctx, f)));
  return base
    .map((c) => ({ text: c.text, score: c.score + rng.next() }))
    .sort((a, b) => a.score - b.score || a.text.localeCompare(b.text))
    .map((c) => c.text);
}

/** The candidates of itemDistractors with their plausibility score (lower is better), before jitter. */
function rankedPool(ctx: PackContext, f: SetFact): { text: string; score: number }[] {
  const own = f.items.map((i) => i.term);
  const kinds = new Set(own.map(placeKind));
  const places = !kinds.has(undefined);
  const twins = twinSets(ctx, f);
  const { above, below } = lineage(ctx, f);
  const names = [f.name, ...ctx.sets.filter((o) => above.has(o.id) || below.has(o.id)).map((o) => o.name)].map(
    (n) => splitName(clause(n)).core,
  );
  const avg = own.reduce((n, t) => n + [...t].length, 0) / own.length;
  const pool = new Map<string, { text: string; sameTop: boolean }>();
  const add = (text: string, section: string) => {
    if (!pool.has(keyOf(text))) pool.set(keyOf(text), { text, sameTop: topSection(section) === topSection(f.section) });
  };
  for (const o of ctx.sets) {
    if (o.id === f.id || twins.has(o.id) || below.has(o.id)) continue;
    for (const i of o.items) add(i.term, o.section);
  }
  // Members of the pack's memberships are items of other lists too (太湖, 巢湖 for a list of lakes).
  for (const m of ctx.memberships) {
    if (similarity(m.name, f.name) >= SAME_THING) continue;
    for (const member of Object.values(m.groups).flat()) add(member, m.section);
  }
  if (places) {
    if (kinds.has("city")) for (const c of ctx.mentionedCities) add(c, f.section);
    if (kinds.has("province")) for (const p of ctx.mentionedProvinces) add(p, f.section);
  }
  // Items that end like the set's items read as the same sort of thing (…流域, …能力, …湖).
  const endings2 = new Set(own.map((t) => [...t].slice(-2).join("")));
  const endings1 = new Set(own.map((t) => [...t].slice(-1).join("")));
  const suffixBonus = (text: string) =>
    endings2.has([...text].slice(-2).join("")) ? 1.2 : endings1.has([...text].slice(-1).join("")) ? 0.4 : 0;
  const scored = [...pool.values()]
    .filter((c) => !own.some((t) => clash(t, c.text) || tooClose(ctx, c.text, t)))
    .filter((c) => !names.some((n) => clash(n, c.text)))
    .map((c) => ({
      text: c.text,
      score:
        Math.abs([...c.text].length - avg) / Math.max(2, avg) +
        (c.sameTop ? 0 : 0.5) +
        (places ? (kinds.has(placeKind(c.text)) ? 0 : 5) : isPlace(c.text) ? 5 : 0) -
        suffixBonus(c.text),
    }));
  return scored;
}

/**
 * Glosses that certainly do not explain `term`: glosses of other items of this set, then of
 * other sets (same part of the source first). Never the gloss of an item that has the same
 * term elsewhere, never one that reads like the answer.
 */
function glossDistractors(ctx: PackContext, f: SetFact, term: string, gloss: string, rng: Rng): string[] {
  const own = f.items.filter((i) => i.gloss && !clash(i.term, term)).map((i) => clause(i.gloss as string));
  const others = ctx.sets
    .filter((o) => o.id !== f.id)
    .flatMap((o) => o.items.filter((i) => i.gloss && !clash(i.term, term)).map((i) => ({ gloss: clause(i.gloss as string), o })));
  const same = others.filter((x) => topSection(x.o.section) === topSection(f.section)).map((x) => x.gloss);
  const rest = others.filter((x) => topSection(x.o.section) !== topSection(f.section)).map((x) => x.gloss);
  const ok = (g: string) => similarity(g, gloss) < SAME_THING;
  return [...rng.shuffle(own), ...rng.shuffle(same).slice(0, 30), ...rng.shuffle(rest).slice(0, 20)].filter(ok);
}

const glossIndex = new WeakMap<PackContext, Map<string, string[]>>();

/** Every gloss the pack gives to a term (by comparison key). */
function glossesOf(ctx: PackContext, term: string): string[] {
  let index = glossIndex.get(ctx);
  if (!index) {
    index = new Map();
    for (const o of ctx.sets) {
      for (const i of o.items) {
        if (!i.gloss) continue;
        const k = keyOf(i.term);
        index.set(k, [...(index.get(k) ?? []), i.gloss]);
      }
    }
    glossIndex.set(ctx, index);
  }
  return index.get(keyOf(term)) ?? [];
}

/**
 * Terms that certainly are not the one a gloss describes: the set's other items, then items of
 * other sets; never a term whose own gloss reads like this one. Checked lazily: only the first
 * dozen candidates that pass are returned.
 */
function termDistractors(ctx: PackContext, f: SetFact, term: string, gloss: string, rng: Rng): string[] {
  const sameMeaning = (t: string) => glossesOf(ctx, t).some((g) => similarity(g, gloss) >= SAME_THING);
  const out: string[] = [];
  for (const t of [...rng.shuffle(f.items.map((i) => i.term)), ...itemDistractors(ctx, f, rng)]) {
    if (out.length >= 12) break;
    if (clash(t, term) || sameMeaning(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * Drops an aside that is a remark about the source rather than part of the name:
 * 「长三角重点共建的中国重大战略项目（按表中序号）」 → 「长三角重点共建的中国重大战略项目」;
 * 「…的省级行政区（全域）」 keeps its aside.
 */
export function withoutRemark(name: string): string {
  const { core, aside } = splitName(name);
  return aside !== undefined && /原文|表中|文中|序号|所列|所举/u.test(aside) ? core : name;
}

/** Measure words by the head noun of a list's name; the noun nearest the end wins. */
const MEASURES: [RegExp, string][] = [
  [/原则/gu, "条"],
  [/措施|举措|做法|任务|目标|工作|事项|项目|成果/gu, "项"],
  [/人物|领导/gu, "位"],
  [/机构|医院|企业|高校/gu, "家"],
  [/类型|方式|产品/gu, "种"],
  [/城市|方面|阶段|领域|地区|中心|体系|平台|环节/gu, "个"],
];

export function measureWord(name: string): string {
  let best = { at: -1, word: "项" };
  for (const [re, word] of MEASURES) {
    for (const m of name.matchAll(re)) if (m.index > best.at) best = { at: m.index, word };
  }
  return best.word;
}

export function setQuestions(ctx: PackContext, f: SetFact): Draft[] {
  if (isDisputed(f, "items") || isDisputed(f, "name")) return [];
  const terms = f.items.map((i) => i.term);
  // Items equal after normalisation cannot be told apart by the grader: ask nothing.
  for (let i = 0; i < terms.length; i++) for (let j = i + 1; j < terms.length; j++) if (keyOf(terms[i] as string) === keyOf(terms[j] as string)) return [];
  const open = looksOpen(f.name, f.note);
  // An open list is introduced as 「文中列举的…」, which already says what an aside like 「（原文所列）」 says.
  const name = open ? splitName(clause(f.name)).core : withoutRemark(clause(f.name));
  const places = terms.every(isPlace);
  const show = (t: string) => (places ? t : quote(t));
  const listed = f.ordered ? `${name}依次为${terms.join("、")}` : `${name}包括${listText(terms)}`;
  const why = open ? `文中列举的${listed}` : listed;
  const drafts: Draft[] = [];

  // ---- facet "items": which belong (multi), one statement (tf), recall a missing one (typed)
  const parts = chunk(terms, 6);
  parts.forEach((part, k) => {
    const rng = rngOf(ctx, f, `multi-${k}`);
    const want = part.length <= 3 ? 6 - part.length : 3;
    const distractors = takeDistinct(itemDistractors(ctx, f, rng), terms, want);
    if (distractors.length < 2) return;
    drafts.push({
      form: "multi",
      facet: "items",
      variant: parts.length === 1 ? "all" : `part-${k + 1}`,
      prompt: open ? `文中列举的${name}包括下列哪些？` : `下列哪些属于${name}？`,
      choices: rng.shuffle([...part, ...distractors]),
      answer: part,
      why,
    });
  });

  {
    const rng = rngOf(ctx, f, "tf");
    const wrong = takeDistinct(itemDistractors(ctx, f, rng), terms, 1)[0];
    const truth = wrong === undefined || rng.chance(0.5);
    const item = truth ? (rng.pick(terms) as string) : (wrong as string);
    drafts.push({
      form: "tf",
      facet: "items",
      variant: "member",
      prompt: open ? `文中列举的${name}包括${show(item)}。` : `${show(item)}是${name}之一。`,
      answer: truth ? TRUE : FALSE,
      why: truth ? why : `${why}，${show(item)}不在其中`,
    });
  }

  {
    const rng = rngOf(ctx, f, "blank");
    const short = terms.filter((t) => keyOf(t).length <= 10);
    const blank = rng.pick(short);
    if (blank !== undefined) {
      const shown = f.ordered ? terms.map((t) => (t === blank ? "____" : t)) : [...terms.filter((t) => t !== blank), "____"];
      const lead = open ? `文中列举的${name}有` : f.ordered ? `${name}依次为` : `${name}包括`;
      drafts.push({
        form: "typed",
        facet: "items",
        variant: "blank",
        prompt: `${lead}：${shown.join("、")}。请填写空缺的一项。`,
        answer: blank,
        accept: [blank.replace(/[“”‘’"《》]/g, "")],
        why,
      });
    }
  }

  if (!open && terms.length >= 3 && !nameStatesCount(f.name, terms.length)) {
    const measure = measureWord(name);
    drafts.push({
      form: "typed",
      facet: "items",
      variant: "count",
      prompt: `${name}共有几${measure}？`,
      answer: String(terms.length),
      accept: countAccept(terms.length, measure),
      why: `${name}共有${toChineseNumber(terms.length)}${measure}：${terms.join("、")}`,
    });
  }

  // ---- facet "order" (ordered sets): put in order, and which one stands at a position
  if (f.ordered) {
    const windows = chunk(terms, 6);
    windows.forEach((part, k) => {
      if (part.length < 2) return;
      drafts.push({
        form: "order",
        facet: "order",
        variant: windows.length === 1 ? "all" : `part-${k + 1}`,
        prompt: windows.length === 1 ? `请按顺序排列${name}。` : `请按顺序排列${name}中的下列各项。`,
        choices: shuffleChanged(rngOf(ctx, f, `order-${k}`), part),
        answer: part,
        why: `${name}依次为${terms.join("、")}`,
      });
    });
    const rng = rngOf(ctx, f, "position");
    const at = rng.int(terms.length);
    const answer = terms[at] as string;
    const others = [...rng.shuffle(terms.filter((t) => t !== answer)), ...itemDistractors(ctx, f, rng)];
    const distractors = takeDistinct(others, [answer], ctx.settings.mcOptions - 1);
    if (distractors.length >= 2) {
      drafts.push({
        form: "mc",
        facet: "order",
        variant: `pos-${at + 1}`,
        prompt: `${name}中，排在第${toChineseNumber(at + 1)}位的是？`,
        choices: rng.shuffle([answer, ...distractors]),
        answer,
        why: `${name}依次为${terms.join("、")}，第${toChineseNumber(at + 1)}位是${answer}`,
      });
    }
  }

  // ---- facet "gloss" (items with a gloss): what an item means, and matching items to meanings
  const glossed = f.items.flatMap((item, i) => (item.gloss ? [{ term: item.term, gloss: clause(item.gloss), i }] : []));
  const glossDrafts: Draft[] = [];
  for (const g of glossed) {
    const rng = rngOf(ctx, f, `gloss-${g.i}`);
    const why = `${show(g.term)}指的是：${g.gloss}`;
    if (rng.chance(0.5)) {
      const distractors = takeDistinct(glossDistractors(ctx, f, g.term, g.gloss, rng), [g.gloss], ctx.settings.mcOptions - 1);
      if (distractors.length < 2) continue;
      glossDrafts.push({
        form: "mc",
        facet: "gloss",
        variant: `item-${g.i + 1}`,
        prompt: `在${name}中，${show(g.term)}指的是？`,
        choices: rng.shuffle([g.gloss, ...distractors]),
        answer: g.gloss,
        why,
      });
    } else {
      const distractors = takeDistinct(termDistractors(ctx, f, g.term, g.gloss, rng), [g.term], ctx.settings.mcOptions - 1);
      if (distractors.length < 2) continue;
      glossDrafts.push({
        form: "mc",
        facet: "gloss",
        variant: `item-${g.i + 1}`,
        prompt: `在${name}中，哪一项是指${quote(g.gloss)}？`,
        choices: rng.shuffle([g.term, ...distractors]),
        answer: g.term,
        why,
      });
    }
  }
  const distinctGlosses = glossed.filter((g, i) => glossed.findIndex((h) => clash(h.gloss, g.gloss)) === i);
  if (distinctGlosses.length >= 2) {
    const groups = chunk(distinctGlosses, ctx.settings.matchSize);
    groups.forEach((group, k) => {
      if (group.length < 2) return;
      const pairs = group.map((g) => ({ left: g.term, right: g.gloss }));
      glossDrafts.push({
        form: "match",
        facet: "gloss",
        variant: groups.length === 1 ? "all" : `part-${k + 1}`,
        prompt: `请将${name}与对应的含义配对。`,
        choices: shuffleChanged(rngOf(ctx, f, `match-${k}`), pairs.map((p) => p.right)),
        answer: pairs.map((p) => `${p.left}${MATCH_SEPARATOR}${p.right}`),
        pairs,
        why: pairs.map((p) => `${show(p.left)}指${p.right}`).join("；"),
      });
    });
  }
  // A single glossed item is a remark on one item rather than a list of meanings: no gloss facet
  // (it would have only one form).
  if (glossed.length >= 2) drafts.push(...glossDrafts);
  return drafts;
}
