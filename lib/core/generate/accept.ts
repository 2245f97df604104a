import { toChineseDigits, toChineseFraction, toChineseNumber } from "@/lib/core/grade/numerals";

/** Other spellings of a year answer: 1982年, 一九八二年, 一九八二. */
export function yearAccept(y: number): string[] {
  return [`${y}年`, `${toChineseDigits(y)}年`, toChineseDigits(y)];
}

/** Other spellings of a month answer `1986年7月`: 1986-07, 1986.7, 一九八六年七月. */
export function monthAccept(y: number, m: number): string[] {
  return [`${y}-${String(m).padStart(2, "0")}`, `${y}.${m}`, `${toChineseDigits(y)}年${toChineseNumber(m)}月`];
}

/** Other spellings of a count answer `27`: 27个, 二十七, 二十七个. */
export function countAccept(n: number, measure: string): string[] {
  return [`${n}${measure}`, toChineseNumber(n), `${toChineseNumber(n)}${measure}`];
}

export { toChineseFraction, toChineseNumber };
