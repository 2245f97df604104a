export { gradeAnswer, parseNumericAnswer, readTrueFalse, AGAIN, HARD, GOOD } from "./grade";
export type { GradeResult, GradeRating, Response } from "./grade";
export { normalizeAnswer, toSimplified } from "./normalize";
export { parseChineseNumber, toChineseNumber, toChineseDigits, toChineseFraction } from "./numerals";
