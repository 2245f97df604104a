import type { QuantityFact } from "@/lib/core/content/schema";
import { toChineseFraction, toChineseNumber } from "../accept";
import { interleave, isDisputed, rngOf, type Draft, type PackContext } from "../context";
import { formatDate, parseDate } from "../dates";
import type { Rng } from "../hash";
import { AlikeIndex } from "../lookup";
import { clause, keyOf } from "../text";
import { FALSE, TRUE } from "../types";

/** A quantity's value: a number, or a fraction such as 1/4 (unit 比例). */
interface Value {
  n: number;
  text: string;
  fraction?: [number, number];
}

function readValue(v: number | string): Value {
  if (typeof v === "number") return { n: v, text: formatNumber(v) };
  const [a, b] = v.split("/").map(Number);
  return { n: (a ?? 0) / (b ?? 1), text: v, fraction: [a ?? 0, b ?? 1] };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function decimalsOf(n: number): number {
  const s = formatNumber(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

const ABOUT = new Set(["约", "左右"]);
const NEAR = new Set(["近", "接近", "近半"]);
/** The source gives a floor: the true figure is at least the value (超过60%, 5年多). */
const LOWER_BOUND = new Set(["超过", "超", "逾", "以上", "多"]);

/** 29万亿元, 37%, 1/4, 5年多, 10多个 */
export function withUnit(value: string, unit: string, approx?: string): string {
  if (unit === "位") return `第${value}位`;
  const u = unit === "比例" ? "" : unit;
  if (approx === "多") return unit === "年" ? `${value}年多` : `${value}多${u}`;
  return `${value}${u}`;
}

/** 「为多少万亿元」「约为百分之多少」「超过多少年」 */
function askPhrase(subject: string, unit: string, approx?: string): string {
  const how = unit === "%" ? "百分之多少" : unit === "比例" ? "多少" : unit === "位" ? "第几位" : `多少${unit}`;
  // 「……都超过的水平」 already says 超过.
  if (approx === undefined || (LOWER_BOUND.has(approx) && subject.includes("超过"))) return `为${how}`;
  if (ABOUT.has(approx)) return `约为${how}`;
  if (NEAR.has(approx)) return `接近${how}`;
  return `超过${how}`;
}

/** The statement of a quantity, for true/false and explanations: 「…约为54亿元」「…超过60%」. */
function statement(subject: string, value: string, unit: string, approx?: string): string {
  const s = clause(subject);
  const v = withUnit(value, unit, approx);
  switch (approx) {
    case undefined:
    case "多":
      return `${s}为${v}`;
    case "约":
      return `${s}约为${v}`;
    case "左右":
    case "以上":
      return `${s}为${v}${approx}`;
    case "近半":
      return `${s}近${v}`;
    default:
      return `${s}${approx}${v}`;
  }
}

/** Tolerance of a numeric answer: 0 for exact values, ±5% (two significant digits) for approximate ones. */
function toleranceOf(value: Value, approx?: string): number {
  if (approx === undefined || value.fraction) return 0;
  const t = Math.abs(value.n) * 0.05;
  return t === 0 ? 0 : Number(t.toPrecision(2));
}

/**
 * The least difference that makes a distractor certainly wrong and clearly so: 10% for exact
 * values (at least one step of the value's precision), 20% for approximate ones, 15% between
 * fractions.
 */
function margin(value: Value, approx?: string): number {
  if (value.fraction) return value.n * 0.15;
  const step = 10 ** -decimalsOf(value.n);
  return Math.max(step, value.n * (approx ? 0.2 : 0.1));
}

const COMMON_FRACTIONS = ["1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/10", "2/3", "3/4", "2/5", "3/5"];

/**
 * The pack's quantities of one unit, indexed once per pack: each question used to scan them
 * all. Loops over a unit's values read these arrays, not the facts.
 */
interface UnitPool {
  position: Map<QuantityFact, number>;
  values: Value[];
  /** Each value as a number, and whether it is a fraction. */
  ns: Float64Array;
  fractional: Uint8Array;
  /** Positions by value ascending (then position); values that are not numbers (0/0) left out. */
  byValue: Int32Array;
  alike: AlikeIndex;
  /** Scratch marks, one per position (see valuesWithin). */
  marks: Uint8Array;
  /**
   * Scratch positions, one slot per position (see valuesWithin): the values near an answer may
   * be a good part of a large unit's, and are listed for every quantity of the unit.
   */
  within: Int32Array;
}

const unitPools = new WeakMap<PackContext, Map<string, UnitPool>>();

function unitPool(ctx: PackContext, unit: string): UnitPool {
  let perPack = unitPools.get(ctx);
  if (!perPack) {
    perPack = new Map();
    const byUnit = new Map<string, QuantityFact[]>();
    for (const o of ctx.quantities) {
      const list = byUnit.get(o.unit);
      if (list) list.push(o);
      else byUnit.set(o.unit, [o]);
    }
    for (const [u, facts] of byUnit) {
      const values = facts.map((o) => readValue(o.value));
      const ns = Float64Array.from(values, (v) => v.n);
      const byValue = Int32Array.from(
        facts
          .map((_, i) => i)
          .filter((i) => !Number.isNaN(ns[i]))
          .sort((a, b) => (ns[a] as number) - (ns[b] as number) || a - b),
      );
      perPack.set(u, {
        position: new Map(facts.map((o, i) => [o, i])),
        values,
        ns,
        fractional: Uint8Array.from(values, (v) => (v.fraction ? 1 : 0)),
        byValue,
        alike: new AlikeIndex(facts.map((o) => o.subject)),
        marks: new Uint8Array(facts.length),
        within: new Int32Array(facts.length),
      });
    }
    unitPools.set(ctx, perPack);
  }
  return perPack.get(unit) as UnitPool;
}

/**
 * Positions (ascending) in the pool of the values v with lo ≤ v ≤ hi, put in pool.within: how
 * many. A range of the value index, put back in pack order by marking them and reading the marks
 * in order (cheaper than sorting a range that is a good part of the unit's values).
 */
function valuesWithin(pool: UnitPool, lo: number, hi: number): number {
  const n = (k: number) => pool.ns[pool.byValue[k] as number] as number;
  let a = 0;
  let b = pool.byValue.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (n(mid) >= lo) b = mid;
    else a = mid + 1;
  }
  let end = a;
  while (end < pool.byValue.length && n(end) <= hi) end++;
  const range = pool.byValue.subarray(a, end);
  const out = pool.within;
  if (range.length * 8 < pool.marks.length) {
    out.set(range);
    out.subarray(0, range.length).sort();
    return range.length;
  }
  for (const i of range) pool.marks[i] = 1;
  let k = 0;
  for (let i = 0; i < pool.marks.length; i++) {
    if (pool.marks[i] === 0) continue;
    pool.marks[i] = 0;
    out[k++] = i;
  }
  return k;
}

/**
 * Distractor values: values of other quantities of the pack in the same unit (never of a
 * quantity that measures the same thing, never a disputed alternative), and values made from
 * the answer (×0.5 … ×2, n ± k for small counts), all at least `margin` away from the answer
 * and from each other's duplicates. The first `count` of them.
 */
function valueDistractors(ctx: PackContext, f: QuantityFact, value: Value, rng: Rng, count: number): Value[] {
  const m = margin(value, f.approx);
  const forbidden: number[] = [value.n];
  for (const v of f.disputed?.values ?? []) {
    const n = typeof v === "number" ? v : Number(String(v).replace(/[^\d./]/g, "")) || NaN;
    if (Number.isFinite(n)) forbidden.push(n);
  }
  const pool = unitPool(ctx, f.unit);
  const self = pool.position.get(f);
  const same = pool.alike.alike(f.subject); // ascending
  for (const i of same) if (i !== self) forbidden.push(pool.ns[i] as number);
  // A loop rather than forbidden.every(…): this runs for each of a unit's values near the answer,
  // and a callback made per call is garbage in proportion.
  const farEnoughN = (n: number) => {
    if (!(n > 0)) return false;
    for (const x of forbidden) if (!(Math.abs(n - x) >= m - 1e-9)) return false;
    return true;
  };
  const farEnough = (c: Value) => farEnoughN(c.n);

  // Plausible (within ×4 of the answer either way, which the value index gives directly), of
  // the same sort (fraction or not), and far enough: their positions are kept in pool.within
  // (read below, before any other quantity's question is made) rather than copied.
  const fraction = value.fraction ? 1 : 0;
  const within = valuesWithin(pool, value.n / 4, value.n * 4);
  let plausible = 0;
  // Both lists are ascending: the next position of `same` is kept at hand (s).
  for (let k = 0, s = 0; k < within; k++) {
    const i = pool.within[k] as number;
    while (s < same.length && (same[s] as number) < i) s++;
    if (i === self || same[s] === i || pool.fractional[i] !== fraction) continue;
    if (farEnoughN(pool.ns[i] as number)) pool.within[plausible++] = i;
  }
  const fromPack = { length: plausible, at: (k: number) => pool.values[pool.within[k] as number] };

  let made: Value[];
  if (value.fraction) {
    made = COMMON_FRACTIONS.map(readValue);
  } else {
    // Made values are as round as the answer: 1300 gives 900, 1000, 1600…, not 910 or 1040.
    const d = decimalsOf(value.n);
    const zeros = d === 0 && value.n >= 100 ? /0*$/.exec(String(value.n))?.[0].length ?? 0 : 0;
    const grain = 10 ** zeros;
    const round = (x: number) => (zeros > 0 ? Math.round(x / grain) * grain : Number(x.toFixed(d)));
    const factors = [0.5, 0.6, 0.7, 0.75, 0.8, 1.2, 1.25, 1.3, 1.4, 1.5, 2];
    const values = factors.map((k) => round(value.n * k));
    if (Number.isInteger(value.n) && value.n <= 12) values.push(...[-3, -2, -1, 1, 2, 3].map((k) => value.n + k));
    const capped = f.unit === "%" && value.n <= 100 ? values.filter((x) => x <= 100) : values;
    made = capped.map((x) => readValue(x));
  }
  const ranked = interleave(rng, fromPack, made.filter(farEnough));
  const out: Value[] = [];
  for (const c of ranked) {
    if (out.length >= count) break;
    if (out.some((o) => Math.abs(o.n - c.n) < 1e-9 || keyOf(o.text) === keyOf(c.text))) continue;
    out.push(c);
  }
  return out;
}

function numericAccept(value: Value, unit: string): string[] {
  if (value.fraction) {
    const [a, b] = value.fraction;
    const accept = [toChineseFraction(a, b)];
    const pct = value.n * 100;
    if (Number.isInteger(pct * 10)) accept.push(`${formatNumber(pct)}%`);
    return accept;
  }
  const cn = toChineseNumber(value.n);
  if (unit === "%") return [`${value.text}%`, `百分之${cn}`];
  if (unit === "位") return [`第${value.text}位`, `第${cn}位`, cn];
  return [`${value.text}${unit}`, cn, `${cn}${unit}`];
}

/**
 * A quantity's value facet: numeric (typed number with tolerance), mc (values of the same unit,
 * sorted), true/false (the true value, or one changed by a clear margin). The approximation
 * word stays in the prompt and the explanation.
 */
export function quantityQuestions(ctx: PackContext, f: QuantityFact): Draft[] {
  if (isDisputed(f, "value") || isDisputed(f, "unit")) return [];
  const value = readValue(f.value);
  const rng = rngOf(ctx, f, "value");
  const subject = clause(f.subject);
  // The time the figure refers to, unless the subject already names its year.
  const asOf = f.asOf && !subject.includes(String(parseDate(f.asOf).y)) ? `（${formatDate(parseDate(f.asOf))}）` : "";
  const why = `${statement(subject, value.text, f.unit, f.approx)}${asOf}`;
  const prompt = `${subject}${askPhrase(subject, f.unit, f.approx)}？`;
  const drafts: Draft[] = [];

  drafts.push({
    form: "numeric",
    facet: "value",
    variant: "value",
    prompt: value.fraction ? `${prompt}（用分数作答，如1/5）` : prompt,
    answer: value.text,
    accept: numericAccept(value, f.unit),
    tolerance: toleranceOf(value, f.approx),
    unit: f.unit,
    why,
  });

  const distractors = valueDistractors(ctx, f, value, rng, ctx.settings.mcOptions - 1);
  if (distractors.length >= 2) {
    const options = [value, ...distractors].sort((a, b) => a.n - b.n);
    drafts.push({
      form: "mc",
      facet: "value",
      variant: "value",
      prompt,
      choices: options.map((o) => withUnit(o.text, f.unit)),
      answer: withUnit(value.text, f.unit),
      why,
    });
  }

  // A floor (超过60%) is not contradicted by another floor: 「超过26%」 is true too, 「超过80%」 is
  // not certainly false. The false statement of a floor says it falls short of a lower figure.
  const floor = f.approx !== undefined && LOWER_BOUND.has(f.approx);
  const wrong = floor ? distractors.find((d) => d.n < value.n) : distractors[0];
  const truth = wrong === undefined || rngOf(ctx, f, "tf").chance(0.5);
  drafts.push({
    form: "tf",
    facet: "value",
    variant: "value",
    prompt: truth
      ? `${statement(subject, value.text, f.unit, f.approx)}。`
      : floor
        ? `${subject}不足${withUnit((wrong as Value).text, f.unit)}。`
        : `${statement(subject, (wrong as Value).text, f.unit, f.approx)}。`,
    answer: truth ? TRUE : FALSE,
    why,
  });
  return drafts;
}
