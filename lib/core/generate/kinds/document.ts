import type { DocumentFact } from "@/lib/core/content/schema";
import {
  askableDate,
  DistinctValues,
  isDisputed,
  mapLazily,
  rngOf,
  shuffledLazily,
  takeDistinct,
  type Draft,
  type PackContext,
} from "../context";
import { formatDate } from "../dates";
import { book } from "../text";
import { FALSE, TRUE } from "../types";
import { certainlyNotAt, datedQuestions, labelOf } from "./event";

/**
 * A document has a date facet (mc year, typed year and month, true/false, timeline) and a title
 * facet (which document came out at this date: mc, and a true/false with a document certainly
 * from another date). A disputed part is left out; a date disputed only in its month is asked
 * as a year (facet "year").
 */
export function documentQuestions(ctx: PackContext, f: DocumentFact): Draft[] {
  const titleAskable = !isDisputed(f, "title");
  const drafts = datedQuestions(
    ctx,
    f,
    {
      ask: (what) => `${what}是哪一年出台的？`,
      askMonth: (what) => `${what}是哪年哪月出台的？`,
      state: (what, when) => `${what}出台于${when}`,
    },
    titleAskable ? "title" : null,
  );
  const askable = askableDate(f);
  if (titleAskable && askable) {
    const when = formatDate(askable.date);
    const others = certainlyNotAt(ctx, f, askable.date);
    const rng = rngOf(ctx, f, "title-tf");
    const wrong = takeDistinct(mapLazily(shuffledLazily(rng, others), labelOf), [f.title], 1)[0];
    const truth = wrong === undefined || rng.chance(0.5);
    const shown = truth ? f.title : (wrong as string);
    drafts.push({
      form: "tf",
      facet: "title",
      variant: "title",
      prompt: `${book(shown)}是${when}出台的。`,
      answer: truth ? TRUE : FALSE,
      why: truth
        ? `${book(f.title)}出台于${when}`
        : `${book(shown)}并非${when}出台，${when}出台的是${book(f.title)}`,
    });
  }
  if (f.issuer && !isDisputed(f, "issuer")) drafts.push(...issuerQuestions(ctx, f, f.issuer));
  return drafts;
}

const issuersCache = new WeakMap<PackContext, DistinctValues<DocumentFact>>();

/** The issuers the pack's documents name. */
function issuersOf(ctx: PackContext): DistinctValues<DocumentFact> {
  let issuers = issuersCache.get(ctx);
  if (!issuers) issuersCache.set(ctx, (issuers = new DistinctValues(ctx.documents, (o) => o.issuer)));
  return issuers;
}

/** 「《…》由谁发布？」 when the pack names enough other issuers to choose from. */
function issuerQuestions(ctx: PackContext, f: DocumentFact, issuer: string): Draft[] {
  const rng = rngOf(ctx, f, "issuer");
  const others = issuersOf(ctx).without(f);
  const distractors = takeDistinct(rng.shuffle(others), [issuer], ctx.settings.mcOptions - 1);
  if (distractors.length < 2) return [];
  const why = `${book(f.title)}由${issuer}发布`;
  const truth = rng.chance(0.5);
  return [
    {
      form: "mc",
      facet: "issuer",
      variant: "issuer",
      prompt: `${book(f.title)}是由谁发布的？`,
      choices: rng.shuffle([issuer, ...distractors]),
      answer: issuer,
      why,
    },
    {
      form: "tf",
      facet: "issuer",
      variant: "issuer",
      prompt: `${book(f.title)}是由${truth ? issuer : distractors[0]}发布的。`,
      answer: truth ? TRUE : FALSE,
      why,
    },
  ];
}
