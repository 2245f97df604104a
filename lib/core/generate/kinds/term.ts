import type { TermFact } from "@/lib/core/content/schema";
import {
  concat,
  isDisputed,
  lazily,
  mapLazily,
  rngOf,
  shuffledLater,
  shuffledLazily,
  take,
  skipping,
  takeDistinct,
  type Draft,
  type PackContext,
} from "../context";
import type { Rng } from "../hash";
import { AlikeIndex, ClashIndex, countBelow } from "../lookup";
import { clause, keyOf, quote, SAME_THING, similarityTo } from "../text";
import { FALSE, TRUE } from "../types";
import { glossary, glossLists } from "./glossary";

/** A definition as shown after 「指的是：」: without its own leading 指 / 是指. */
export function defText(definition: string): string {
  return clause(definition).replace(/^(?:是指|指的是|指)/u, "");
}

/** The definition with the term itself blanked out, so that asking for the term gives nothing away. */
function masked(definition: string, term: string): string {
  const bare = term.replace(/[“”"]/g, "");
  let d = defText(definition);
  for (const t of new Set([term, bare])) if (t.length >= 2) d = d.split(t).join("____");
  return d;
}

/**
 * The pack's terms, indexed once per pack: every term question used to compare its term and
 * definition with all the others. Loops over all terms read these arrays, not the facts.
 */
interface TermPool {
  position: Map<TermFact, number>;
  terms: ClashIndex;
  definitions: AlikeIndex;
  /** Each term, defText of its definition, and its top section (numbered). */
  texts: string[];
  defs: string[];
  tops: Int32Array;
  topOf: Map<string, number>;
  /** The positions of the terms in each top section, and of those not in it, ascending. */
  inTop: Int32Array[];
  outOfTop: Int32Array[];
}

const termPools = new WeakMap<PackContext, TermPool>();

const top = (section: string) => section.split("/")[0]?.trim() ?? "";

function termPool(ctx: PackContext): TermPool {
  let pool = termPools.get(ctx);
  if (!pool) {
    const topOf = new Map<string, number>();
    for (const o of ctx.terms) if (!topOf.has(top(o.section))) topOf.set(top(o.section), topOf.size);
    const tops = Int32Array.from(ctx.terms, (o) => topOf.get(top(o.section)) as number);
    const positions = ctx.terms.map((_, i) => i);
    pool = {
      position: new Map(ctx.terms.map((o, i) => [o, i])),
      terms: new ClashIndex(ctx.terms.map((o) => o.term)),
      definitions: new AlikeIndex(ctx.terms.map((o) => o.definition)),
      texts: ctx.terms.map((o) => o.term),
      defs: ctx.terms.map((o) => defText(o.definition)),
      tops,
      topOf,
      inTop: [...topOf.values()].map((t) => new Int32Array(positions.filter((i) => tops[i] === t))),
      outOfTop: [...topOf.values()].map((t) => new Int32Array(positions.filter((i) => tops[i] !== t))),
    };
    termPools.set(ctx, pool);
  }
  return pool;
}

/** The first ten of the shuffled glosses of the pack's list items whose term does not clash with f's. */
function glossHead(ctx: PackContext, f: TermFact, rng: Rng): Iterable<string> {
  const g = glossary(ctx);
  // No list and no section set apart: every gloss is in `rest`.
  const { rest } = glossLists(g, f.term);
  return mapLazily(take(shuffledLater(rng, rest.length, rest.build), 10), (i) => g.glosses[i] as string);
}

/**
 * A term has one facet, "definition": mc term → definition, mc definition → term, typed term
 * (when it is short enough to type), and a true/false. Distractor definitions are other terms'
 * definitions (then glosses of set items), never one that reads like the answer.
 */
export function termQuestions(ctx: PackContext, f: TermFact): Draft[] {
  if (isDisputed(f, "definition") || isDisputed(f, "term")) return [];
  const pool = termPool(ctx);
  const definition = defText(f.definition);
  const why = `${quote(f.term)}指的是：${definition}`;
  const drafts: Draft[] = [];
  // Other terms, in pack order: not clashing with this one, not defined alike; those of the same
  // top section, and the rest. Views over the prebuilt lists of each top section, leaving out
  // the few terms left (listing them anew for every term made the pack's terms quadratic).
  const left = new Int32Array([
    ...new Set([...pool.terms.clashing(f.term), ...pool.definitions.alike(f.definition), pool.position.get(f) as number]),
  ]).sort();
  const ownTop = pool.topOf.get(top(f.section)) as number;
  const inTop = pool.inTop[ownTop] as Int32Array;
  const outOfTop = pool.outOfTop[ownTop] as Int32Array;
  const leftIn: number[] = [];
  const leftOut: number[] = [];
  // Each left term's place in its list: the terms of the list before it.
  for (const p of left) {
    if (pool.tops[p] === ownTop) leftIn.push(countBelow(inTop, p));
    else leftOut.push(countBelow(outOfTop, p));
  }
  const same = skipping(inTop, leftIn);
  const other = skipping(outOfTop, leftOut);
  const n = pool.texts.length;
  const termAt = (i: number) => pool.texts[i] as string;
  const defAt = (i: number) => pool.defs[i] as string;
  function* others() {
    for (let i = 0, l = 0; i < n; i++) {
      if (left[l] === i) l++;
      else yield i;
    }
  }

  {
    const rng = rngOf(ctx, f, "definition");
    const toDefinition = similarityTo(definition);
    const defs = lazily(
      concat(mapLazily(shuffledLazily(rng, same), defAt), mapLazily(shuffledLazily(rng, other), defAt), glossHead(ctx, f, rng)),
      (d) => toDefinition(d) < SAME_THING,
    );
    const distractors = takeDistinct(defs, [definition], ctx.settings.mcOptions - 1);
    if (distractors.length >= 2) {
      drafts.push({
        form: "mc",
        facet: "definition",
        variant: "definition",
        prompt: `${quote(f.term)}指的是？`,
        choices: rng.shuffle([definition, ...distractors]),
        answer: definition,
        why,
      });
    }
    const wrong = takeDistinct(mapLazily(others(), defAt), [definition], 1)[0];
    const truth = wrong === undefined || rngOf(ctx, f, "tf").chance(0.5);
    drafts.push({
      form: "tf",
      facet: "definition",
      variant: "definition",
      prompt: `${quote(f.term)}指的是：${truth ? definition : wrong}。`,
      answer: truth ? TRUE : FALSE,
      why,
    });
  }

  {
    const rng = rngOf(ctx, f, "term");
    const terms = concat(mapLazily(shuffledLazily(rng, same), termAt), mapLazily(shuffledLazily(rng, other), termAt));
    const distractors = takeDistinct(terms, [f.term], ctx.settings.mcOptions - 1);
    const hint = masked(f.definition, f.term);
    if (distractors.length >= 2) {
      drafts.push({
        form: "mc",
        facet: "definition",
        variant: "term",
        prompt: `下列哪个概念指的是：${hint}？`,
        choices: rng.shuffle([f.term, ...distractors]),
        answer: f.term,
        why,
      });
    }
    if (keyOf(f.term).length <= 12) {
      const bare = f.term.replace(/[“”‘’"《》]/g, "");
      drafts.push({
        form: "typed",
        facet: "definition",
        variant: "term",
        prompt: `哪个概念指的是：${hint}？请写出这个概念。`,
        answer: f.term,
        accept: [bare],
        why,
      });
    }
  }
  return drafts;
}
