import type { TermFact } from "@/lib/core/content/schema";
import { isDisputed, rngOf, takeDistinct, type Draft, type PackContext } from "../context";
import { clash, clause, keyOf, quote, SAME_THING, similarity } from "../text";
import { FALSE, TRUE } from "../types";

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
 * A term has one facet, "definition": mc term → definition, mc definition → term, typed term
 * (when it is short enough to type), and a true/false. Distractor definitions are other terms'
 * definitions (then glosses of set items), never one that reads like the answer.
 */
export function termQuestions(ctx: PackContext, f: TermFact): Draft[] {
  if (isDisputed(f, "definition") || isDisputed(f, "term")) return [];
  const definition = defText(f.definition);
  const why = `${quote(f.term)}指的是：${definition}`;
  const drafts: Draft[] = [];
  const otherTerms = ctx.terms.filter((o) => o.id !== f.id && !clash(o.term, f.term) && similarity(o.definition, f.definition) < SAME_THING);
  const sameSection = (s: string) => s.split("/")[0]?.trim() === f.section.split("/")[0]?.trim();

  {
    const rng = rngOf(ctx, f, "definition");
    const defs = [
      ...rng.shuffle(otherTerms.filter((o) => sameSection(o.section)).map((o) => defText(o.definition))),
      ...rng.shuffle(otherTerms.filter((o) => !sameSection(o.section)).map((o) => defText(o.definition))),
      ...rng.shuffle(
        ctx.sets.flatMap((s) => s.items.filter((i) => i.gloss && !clash(i.term, f.term)).map((i) => clause(i.gloss as string))),
      ).slice(0, 10),
    ].filter((d) => similarity(d, definition) < SAME_THING);
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
    const wrong = takeDistinct(
      otherTerms.map((o) => defText(o.definition)),
      [definition],
      1,
    )[0];
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
    const terms = [
      ...rng.shuffle(otherTerms.filter((o) => sameSection(o.section)).map((o) => o.term)),
      ...rng.shuffle(otherTerms.filter((o) => !sameSection(o.section)).map((o) => o.term)),
    ];
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
