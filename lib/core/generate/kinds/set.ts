import type { SetFact } from "@/lib/core/content/schema";
import { countAccept, toChineseNumber } from "../accept";
import {
  chunk,
  concat,
  isDisputed,
  lazily,
  listText,
  mapLazily,
  rngOf,
  shuffleChanged,
  shuffledLater,
  take,
  takeDistinct,
  type Draft,
  type PackContext,
} from "../context";
import type { Rng } from "../hash";
import { clause, keyOf, keysClash, looksOpen, nameStatesCount, quote, SAME_THING, similarityTo, splitName } from "../text";
import { FALSE, MATCH_SEPARATOR, TRUE } from "../types";
import { AlikeIndex } from "../lookup";
import { glossary, glossLists } from "./glossary";
import { itemDistractors } from "./set-distractors";
import { isPlace, setPosition, topSection } from "./set-lineage";

/**
 * Glosses that certainly do not explain `term`: glosses of other items of this set, then of
 * other sets (same part of the source first). Never the gloss of an item that has the same
 * term elsewhere, never one that reads like the answer (checked as they are read).
 */
function glossDistractors(ctx: PackContext, f: SetFact, term: string, gloss: string, rng: Rng): Iterable<string> {
  const termKey = keyOf(term);
  const own = f.items.filter((i) => i.gloss && !keysClash(keyOf(i.term), termKey)).map((i) => clause(i.gloss as string));
  const g = glossary(ctx);
  const { same, rest } = glossLists(g, term, setPosition(ctx, f), topSection(f.section));
  const at = (i: number) => g.glosses[i] as string;
  const toGloss = similarityTo(gloss);
  const ok = (x: string) => toGloss(x) < SAME_THING;
  return lazily(
    concat(
      rng.shuffle(own),
      mapLazily(take(shuffledLater(rng, same.length, same.build), 30), at),
      mapLazily(take(shuffledLater(rng, rest.length, rest.build), 20), at),
    ),
    ok,
  );
}

/** Every gloss the pack gives to a list item, with the item's term (by its comparison key), indexed by similarity. */
interface Glosses {
  termKeys: string[];
  alike: AlikeIndex;
}

const glossIndexes = new WeakMap<PackContext, Glosses>();

function glossesOf(ctx: PackContext): Glosses {
  let index = glossIndexes.get(ctx);
  if (!index) {
    const glossed = ctx.sets.flatMap((o) => o.items.filter((i) => i.gloss));
    index = { termKeys: glossed.map((i) => keyOf(i.term)), alike: new AlikeIndex(glossed.map((i) => i.gloss as string)) };
    glossIndexes.set(ctx, index);
  }
  return index;
}

/**
 * Terms that certainly are not the one a gloss describes: the set's other items, then items of
 * other sets; never a term whose own gloss reads like this one. Checked lazily: only the first
 * dozen candidates that pass are returned.
 */
function termDistractors(ctx: PackContext, f: SetFact, term: string, gloss: string, rng: Rng): string[] {
  // The terms (by key) the pack glosses in words like this gloss: found once, from the glosses
  // alike to it, rather than comparing every gloss of every candidate with it (a term of common
  // words is glossed all over a large pack).
  const glosses = glossesOf(ctx);
  const sameMeaning = new Set(glosses.alike.alike(gloss).map((i) => glosses.termKeys[i] as string));
  const termKey = keyOf(term);
  const out: string[] = [];
  for (const t of concat(rng.shuffle(f.items.map((i) => i.term)), itemDistractors(ctx, f, rng))) {
    if (out.length >= 12) break;
    const key = keyOf(t);
    if (keysClash(key, termKey) || sameMeaning.has(key)) continue;
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
  if (new Set(terms.map(keyOf)).size !== terms.length) return [];
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
    const others = concat(rng.shuffle(terms.filter((t) => t !== answer)), itemDistractors(ctx, f, rng));
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
  const glossKeys = glossed.map((g) => keyOf(g.gloss));
  const distinctGlosses = glossed.filter((_, i) => glossKeys.findIndex((k) => keysClash(k, glossKeys[i] as string)) === i);
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
