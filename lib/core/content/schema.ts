import { z } from "zod";

/**
 * The content model: a pack is a folder of YAML files of typed facts.
 * Facts carry names, dates, numbers and titles from the source; every sentence
 * (`what`, `gloss`, `definition`, `note`) is written in the project's own words.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only as precise as the source. */
export const factDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isRealDate, "date does not exist in the calendar");

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y ?? 0, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

export const factId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be kebab-case (a-z, 0-9, single hyphens)");

const text = z.string().trim().min(1, "must not be empty");

/** Where the source disagrees with itself; the generator never asks `field`. */
export const disputed = z.object({
  field: text,
  values: z.array(z.union([text, z.number()])).min(2, "a dispute needs at least two values"),
  note: text,
});

const common = {
  id: factId,
  section: text.describe("the source's heading path, e.g. `发展历史 / 规划协调阶段`"),
  tags: z.array(text).optional(),
  /** One short sentence in our own words, added to every explanation of the fact. */
  note: text.optional(),
  /** Line of the source text the fact comes from (1-based), for review against the source. */
  sourceLine: z.number().int().positive().optional(),
  disputed: disputed.optional(),
};

/** Words the source uses for imprecise figures. */
export const approxWords = ["约", "近", "接近", "超过", "超", "逾", "左右", "以上", "多", "近半"] as const;

export const eventFact = z.strictObject({
  ...common,
  kind: z.literal("event"),
  date: factDate,
  /** A clause naming what happened, readable after 「哪一年」: 「国务院成立上海经济区」. */
  what: text,
  where: text.optional(),
});

/** The unit of a dimensionless fraction such as 1/4: shown without a unit. */
export const RATIO_UNIT = "比例";

/** A fraction such as `1/4` (shares of the national total). */
const fraction = z.string().regex(/^\d+\/\d+$/, "a fractional value must look like 1/4");

export const quantityFact = z.strictObject({
  ...common,
  kind: z.literal("quantity"),
  /** What is measured, self-contained: 「2022年长三角地区生产总值」. */
  subject: text,
  value: z.union([z.number().nonnegative(), fraction]),
  /** `个`, `万亿元`, `平方公里`, `%`; `比例` for a dimensionless fraction like 1/4. */
  unit: text,
  asOf: factDate.optional(),
  approx: z.enum(approxWords).optional(),
});

export const setItem = z.strictObject({ term: text, gloss: text.optional() });

export const setFact = z.strictObject({
  ...common,
  kind: z.literal("set"),
  name: text,
  items: z.array(setItem).min(2, "a set needs at least two items"),
  ordered: z.boolean(),
});

export const membershipFact = z.strictObject({
  ...common,
  kind: z.literal("membership"),
  name: text,
  groups: z
    .record(text, z.array(text).min(1, "a group needs at least one member"))
    .refine((g) => Object.keys(g).length >= 1, "a membership needs at least one group"),
});

export const documentFact = z.strictObject({
  ...common,
  kind: z.literal("document"),
  date: factDate,
  /** The title without 《》. */
  title: text,
  issuer: text.optional(),
});

export const termFact = z.strictObject({
  ...common,
  kind: z.literal("term"),
  term: text,
  definition: text,
});

export const fact = z.discriminatedUnion("kind", [
  eventFact,
  quantityFact,
  setFact,
  membershipFact,
  documentFact,
  termFact,
]);

export const factKinds = ["event", "quantity", "set", "membership", "document", "term"] as const;

export const packMeta = z.strictObject({
  id: factId,
  title: text,
  titleEn: text,
  description: text.optional(),
  language: z.literal("zh-CN"),
  source: text.optional(),
});

export type Fact = z.infer<typeof fact>;
export type FactKind = Fact["kind"];
export type EventFact = z.infer<typeof eventFact>;
export type QuantityFact = z.infer<typeof quantityFact>;
export type SetFact = z.infer<typeof setFact>;
export type MembershipFact = z.infer<typeof membershipFact>;
export type DocumentFact = z.infer<typeof documentFact>;
export type TermFact = z.infer<typeof termFact>;
export type PackMeta = z.infer<typeof packMeta>;
export type Pack = PackMeta & { facts: Fact[] };
