/**
 * Chinese numerals, both ways. Shared by the grader (reading answers such as 一九八二, 二十七,
 * 两千三百) and the generator (listing those spellings in `accept`). Pure, browser-safe.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can appear in a Chinese numeral (including the decimal point 点). */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点";

const DIGIT_CHARS = "〇一二三四五六七八九";

/**
 * Reads a Chinese numeral: digit by digit (一九八二 → 1982, 二〇一九 → 2019) or positional
 * (二十七 → 27, 一百一十二 → 112, 两千三百 → 2300, 二十九万亿 → 2.9e13, 二十三点六 → 23.6).
 * Returns null when the text is not a numeral.
 */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  const point = text.indexOf("点");
  if (point >= 0) {
    const whole = point === 0 ? 0 : parseChineseNumber(text.slice(0, point));
    const frac = text.slice(point + 1);
    if (whole === null || frac.length === 0) return null;
    let digits = "";
    for (const ch of frac) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
    return Number(`${whole}.${digits}`);
  }
  const chars = [...text];
  // Digit by digit: only digit characters, at least two of them (一九八二, 二〇二二).
  if (chars.length >= 2 && chars.every((ch) => DIGITS[ch] !== undefined)) {
    return Number(chars.map((ch) => DIGITS[ch]).join(""));
  }
  let total = 0;
  let section = 0;
  let number = 0;
  let sawDigit = false;
  let pending = false; // a digit was read and not yet multiplied by a unit
  for (const ch of chars) {
    const digit = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (digit !== undefined) {
      number = digit;
      sawDigit = true;
      pending = true;
    } else if (small !== undefined) {
      // A unit with no digit before it means one of it: 十二, 一百十.
      section += (pending ? number : 1) * small;
      number = 0;
      pending = false;
      sawDigit = true;
    } else if (big !== undefined) {
      if (!sawDigit && total === 0 && section === 0) return null;
      if (big === 1e8) {
        total = (total + section + number) * big;
      } else {
        total += (section + number) * big;
      }
      section = 0;
      number = 0;
      pending = false;
    } else {
      return null;
    }
  }
  if (!sawDigit) return null;
  return total + section + number;
}

const DIGIT_NAMES = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1982 → 一九八二 (the way years are read). */
export function toChineseDigits(value: number | string): string {
  return [...String(value)].map((ch) => (ch >= "0" && ch <= "9" ? DIGIT_CHARS[Number(ch)] : ch)).join("");
}

function below10000(n: number): string {
  const parts: string[] = [];
  const units = ["千", "百", "十", ""];
  const values = [1000, 100, 10, 1];
  let zero = false;
  let started = false;
  values.forEach((v, i) => {
    const d = Math.floor(n / v) % 10;
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) parts.push("零");
    zero = false;
    started = true;
    // 两千 / 两百 read better than 二千 / 二百; 二十 stays.
    const name = d === 2 && (v === 1000 || v === 100) ? "两" : DIGIT_NAMES[d];
    parts.push(`${name}${units[i]}`);
  });
  return parts.join("");
}

/**
 * 27 → 二十七, 112 → 一百一十二, 2300 → 两千三百, 23.6 → 二十三点六, 10 → 十.
 * Integers up to 10^12; returns the Arabic form beyond that.
 */
export function toChineseNumber(value: number): string {
  if (!Number.isFinite(value) || value < 0 || value >= 1e12) return String(value);
  const [intPart = "0", fracPart] = String(value).split(".");
  const n = Number(intPart);
  let text: string;
  if (n === 0) {
    text = "零";
  } else {
    const yi = Math.floor(n / 1e8);
    const wan = Math.floor((n % 1e8) / 1e4);
    const rest = n % 1e4;
    const pieces: string[] = [];
    if (yi > 0) pieces.push(`${below10000(yi)}亿`);
    if (wan > 0) {
      if (yi > 0 && wan < 1000) pieces.push("零");
      pieces.push(`${below10000(wan)}万`);
    }
    if (rest > 0) {
      if ((yi > 0 || wan > 0) && rest < 1000) pieces.push("零");
      pieces.push(below10000(rest));
    }
    text = pieces.join("");
    // 一十 → 十 at the start (十二, 十万), as it is read.
    if (text.startsWith("一十")) text = text.slice(1);
  }
  if (fracPart) text += `点${[...fracPart].map((d) => DIGIT_NAMES[Number(d)]).join("")}`;
  return text;
}

/** Fractions as read in Chinese: 1/4 → 四分之一. */
export function toChineseFraction(numerator: number, denominator: number): string {
  return `${toChineseNumber(denominator)}分之${toChineseNumber(numerator)}`;
}
