import { Converter } from "opencc-js/t2cn";
import { parseChineseNumber } from "./numerals";

/**
 * Chinese-aware normalisation of typed answers. Two answers that normalise to the same string
 * are the same answer. The generator uses the same function to make sure no two options of a
 * question are equal, so grader and generator agree on what "equal" means.
 *
 * Steps, in order:
 * 1. NFKC: full-width letters, digits and punctuation become half-width (１９８２ → 1982).
 * 2. Traditional → simplified characters (opencc t → cn): 長江 → 长江.
 * 3. Lower case; spaces of every width removed.
 * 4. Chinese numerals become Arabic digits: 一九八二 → 1982, 二十七 → 27, 两 → 2, and a
 *    magnitude after digits is multiplied out (1500万 and 一千五百万 both → 15000000).
 *    Runs that are not well-formed numerals are left alone (十四五 stays 十四五).
 * 5. Dates take one spelling: 1986-07, 1986.7, 1986/07 and 1986年07月 → 1986年7月; a bare
 *    1982年 → 1982.
 * 6. A measure word right after a number at the end is dropped: 27个 → 27 (个 座 项 家 条 人 名
 *    所 次 位 种 份 件 届 轮 类 处).
 * 7. Punctuation and symbols are dropped (quotes, 《》, brackets, commas), except `%`, and `.`,
 *    `/`, `+`, `-` between two digits (23.6, 1/4, 15+1, 2018-2020). Dashes between digits all
 *    become `-`.
 */
export function normalizeAnswer(input: string): string {
  let s = input.normalize("NFKC");
  s = toSimplified(s);
  s = s.toLowerCase().replace(/[\s\p{Z}]+/gu, "");
  s = replaceNumerals(s);
  s = canonicalDates(s);
  s = s.replace(/(\d)(?:个|座|项|家|条|人|名|所|次|位|种|份|件|届|轮|类|处)$/u, "$1");
  s = stripPunctuation(s);
  return s;
}

let converter: ((text: string) => string) | undefined;

/** Traditional → simplified (mainland) characters; the dictionary loads on first use. */
export function toSimplified(text: string): string {
  converter ??= Converter({ from: "t", to: "cn" });
  return converter(text);
}

const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/gu;
const HAS_DIGIT = /[零〇一二两三四五六七八九]/u;

/** Multiplies a decimal string by 10^exp without floating-point noise (23.6 × 10^4 → 236000). */
export function shiftDecimal(digits: string, exp: number): string {
  const [whole = "0", frac = ""] = digits.split(".");
  const padded = frac.padEnd(exp, "0");
  const joined = `${whole}${padded.slice(0, exp)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(exp).replace(/0+$/, "");
  return rest ? `${joined}.${rest}` : joined;
}

function numberToPlainString(n: number): string {
  if (Number.isInteger(n)) return BigInt(Math.round(n)).toString();
  return String(Number(n.toPrecision(12)));
}

function replaceNumerals(s: string): string {
  s = s.replace(NUMERAL_RUN, (run) => {
    if (!HAS_DIGIT.test(run) && run !== "十") return run;
    const value = parseStrictChinese(run);
    return value === null ? run : numberToPlainString(value);
  });
  // Magnitudes after Arabic digits: 1500万 → 15000000, 29万亿 → 29000000000000.
  return s.replace(/(\d+(?:\.\d+)?)(万亿|亿|万)/gu, (_m, digits: string, unit: string) =>
    shiftDecimal(digits, unit === "万亿" ? 12 : unit === "亿" ? 8 : 4),
  );
}

/**
 * Like parseChineseNumber, but refuses runs that are not one numeral: two digits in a row
 * without a unit between them (十四五) are a name, not a number; digit-by-digit runs are fine.
 */
function parseStrictChinese(run: string): number | null {
  const body = run.split("点")[0] ?? "";
  const chars = [...body];
  const isDigit = (ch: string | undefined) => ch !== undefined && "零〇一二两三四五六七八九".includes(ch);
  const allDigits = chars.every((ch) => isDigit(ch));
  if (!allDigits) {
    for (let i = 1; i < chars.length; i++) {
      if (isDigit(chars[i]) && isDigit(chars[i - 1]) && chars[i - 1] !== "零" && chars[i - 1] !== "〇") return null;
    }
  }
  return parseChineseNumber(run);
}

function validMonth(m: string): boolean {
  const n = Number(m);
  return n >= 1 && n <= 12;
}

function validDay(d: string): boolean {
  const n = Number(d);
  return n >= 1 && n <= 31;
}

function canonicalDates(s: string): string {
  const ymd = (y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`;
  s = s.replace(/(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?!\d)/gu, (all, y: string, m: string, d: string) =>
    validMonth(m) && validDay(d) ? ymd(y, m, d) : all,
  );
  s = s.replace(/((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?![\d.])/gu, (all, y: string, m: string, d: string) =>
    validMonth(m) && validDay(d) ? ymd(y, m, d) : all,
  );
  s = s.replace(/(\d{4})年(\d{1,2})月(?!\d)/gu, (all, y: string, m: string) =>
    validMonth(m) ? `${y}年${Number(m)}月` : all,
  );
  s = s.replace(/((?:19|20)\d{2})[-./](\d{1,2})(?![\d.\-/])/gu, (all, y: string, m: string) =>
    validMonth(m) ? `${y}年${Number(m)}月` : all,
  );
  // A bare year: 1982年 → 1982 (not when a month follows).
  s = s.replace(/(\d{4})年(?!\d)/gu, "$1");
  return s;
}

function stripPunctuation(s: string): string {
  const chars = [...s];
  let out = "";
  chars.forEach((ch, i) => {
    if (!/[\p{P}\p{S}]/u.test(ch)) {
      out += ch;
      return;
    }
    if (ch === "%") {
      out += ch;
      return;
    }
    const between = /\d/.test(chars[i - 1] ?? "") && /\d/.test(chars[i + 1] ?? "");
    if (!between) return;
    if (ch === "." || ch === "/" || ch === "+") out += ch;
    else if (/\p{Pd}/u.test(ch) || ch === "~") out += "-";
  });
  return out;
}
