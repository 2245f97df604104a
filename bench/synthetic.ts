// Synthetic packs for the benchmark: a real pack grown to `times` × its facts by cloning.
import { fact as factSchema, type Fact, type Pack } from "@/lib/core/content/schema";
import { PROVINCES, YRD_CITIES } from "@/lib/core/generate/gazetteer";
import { rngFor } from "@/lib/core/generate/hash";

// A clone must read like new content, not like a copy: a copy with a suffixed name is "the same
// happening told twice" to the generator (similarity ≥ 0.6), so it would be filtered out of
// every distractor pool and the pools would not grow as they do in a real larger pack. So the
// Chinese text of clone k goes through a substitution cipher of its own (a seeded permutation
// of the pack's characters): clone texts are as long as the originals, share vocabulary within
// the clone as the real pack does, and differ from the other clones. Characters the generator
// reads are kept: numerals, place names (a list of cities stays a list of cities), the words
// that mark an open list (等, 举例…), asides (按…, 原文所列), measure words and 是指; they
// also leave the clones some words in common (城市, 中心, 体系, 上海…), as the lists of a larger
// real pack would have. Dates shift by a few years and values by a few per cent, so year and
// value pools grow too.

const KEPT_WORDS = [
  "零〇一二两三四五六七八九十百千万亿点",
  "等点名举例列只出之一如部分按原文表中序号所",
  "原则措施举做法任务目标工作事项项目成果人物领导机构医院企业高校类型方式产品城市方面阶段领域地区中心体系平台环节",
  "个大项条类种座家位人所次份件届轮处",
  "是指的约近接超过逾左右以上多半省市自治区特别行政",
  ...PROVINCES,
  ...Object.values(YRD_CITIES).flat(),
];
const KEPT = new Set([...KEPT_WORDS.join("")]);
const HAN = /\p{Script=Han}/u;

type Cipher = (text: string) => string;

function cipherFor(alphabet: readonly string[], k: number): Cipher {
  const image = rngFor(`bench-clone-${k}`).shuffle(alphabet);
  const map = new Map(alphabet.map((ch, i) => [ch, image[i] as string]));
  return (text) => [...text].map((ch) => map.get(ch) ?? ch).join("");
}

function shiftDate(date: string, years: number): string {
  const [y, ...rest] = date.split("-");
  // 29 February exists only in leap years; the 28th always does.
  const tail = rest.join("-") === "02-29" ? "02-28" : rest.join("-");
  return [String(Number(y) + years), ...(tail ? [tail] : [])].join("-");
}

function scaleValue(value: number | string, factor: number, capAt100: boolean): number | string {
  if (typeof value === "string") return value; // a fraction (1/4): shares stay the common ones
  const decimals = Number.isInteger(value) ? 0 : (String(value).split(".")[1]?.length ?? 0);
  const scaled = Number((value * factor).toFixed(decimals));
  return capAt100 && value <= 100 ? Math.min(100, scaled) : scaled;
}

/** Clone k (k ≥ 1) of a fact: new id, ciphered text, shifted date or value. */
function cloneFact(f: Fact, k: number, c: Cipher): Fact {
  const years = (k % 9) - 4;
  const factor = 1 + ((k % 7) - 3) * 0.05;
  const [top, ...sub] = f.section.split(" / ");
  const common = {
    id: `${f.id}-c${k}`,
    // The top-level section is shared (its pools grow); the sub-section is the clone's own.
    section: [top, ...sub.map(c)].join(" / "),
    ...(f.tags ? { tags: f.tags.map(c) } : {}),
    ...(f.note ? { note: c(f.note) } : {}),
    ...(f.sourceLine ? { sourceLine: f.sourceLine } : {}),
  };
  const disputed = (field: (v: string | number) => string | number) =>
    f.disputed ? { disputed: { field: f.disputed.field, values: f.disputed.values.map(field), note: c(f.disputed.note) } } : {};
  const text = (v: string | number) => (typeof v === "string" ? c(v) : v);
  const date = (v: string | number) => (typeof v === "string" && /^\d{4}/.test(v) ? shiftDate(v, years) : v);
  switch (f.kind) {
    case "event":
      return {
        ...common,
        kind: f.kind,
        date: shiftDate(f.date, years),
        what: c(f.what),
        ...(f.where ? { where: c(f.where) } : {}),
        ...disputed(f.disputed?.field === "date" ? date : text),
      };
    case "document":
      return {
        ...common,
        kind: f.kind,
        date: shiftDate(f.date, years),
        title: c(f.title),
        ...(f.issuer ? { issuer: c(f.issuer) } : {}),
        ...disputed(f.disputed?.field === "date" ? date : text),
      };
    case "quantity": {
      const cap = f.unit === "%";
      const value = (v: string | number) => (typeof v === "number" ? scaleValue(v, factor, cap) : v);
      return {
        ...common,
        kind: f.kind,
        subject: c(f.subject),
        value: scaleValue(f.value, factor, cap),
        unit: f.unit,
        ...(f.asOf ? { asOf: shiftDate(f.asOf, years) } : {}),
        ...(f.approx ? { approx: f.approx } : {}),
        ...disputed(f.disputed?.field === "value" ? value : text),
      };
    }
    case "set":
      return {
        ...common,
        kind: f.kind,
        name: c(f.name),
        items: f.items.map((i) => ({ term: c(i.term), ...(i.gloss ? { gloss: c(i.gloss) } : {}) })),
        ordered: f.ordered,
        ...disputed(text),
      };
    case "membership":
      return {
        ...common,
        kind: f.kind,
        name: c(f.name),
        groups: Object.fromEntries(Object.entries(f.groups).map(([label, members]) => [c(label), members.map(c)])),
        ...disputed(text),
      };
    case "term":
      return { ...common, kind: f.kind, term: c(f.term), definition: c(f.definition), ...disputed(text) };
  }
}

/** The pack with `times` × its facts: the originals, then clones 1 … times − 1. */
export function syntheticPack(pack: Pack, times: number): Pack {
  if (times === 1) return pack;
  const alphabet = [...new Set([...JSON.stringify(pack.facts)].filter((ch) => HAN.test(ch) && !KEPT.has(ch)))].sort();
  const facts: Fact[] = [...pack.facts];
  for (let k = 1; k < times; k++) {
    const c = cipherFor(alphabet, k);
    for (const f of pack.facts) facts.push(factSchema.parse(cloneFact(f, k, c)));
  }
  if (new Set(facts.map((f) => f.id)).size !== facts.length) throw new Error("synthetic pack has duplicate ids");
  return { ...pack, id: `${pack.id}-x${times}`, facts };
}
