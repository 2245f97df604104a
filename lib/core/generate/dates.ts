/** Fact dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as parts, and how they compare. */
export interface DateParts {
  y: number;
  m?: number;
  d?: number;
}

export function parseDate(value: string): DateParts {
  const [y, m, d] = value.split("-").map(Number);
  const parts: DateParts = { y: y ?? 0 };
  if (m !== undefined) parts.m = m;
  if (d !== undefined) parts.d = d;
  return parts;
}

export function yearOnly(date: DateParts): DateParts {
  return { y: date.y };
}

export type Precision = "year" | "month" | "day";

export function precisionOf(date: DateParts): Precision {
  return date.d !== undefined ? "day" : date.m !== undefined ? "month" : "year";
}

/** 1982年12月22日 / 1986年7月 / 1982年 */
export function formatDate(date: DateParts): string {
  if (date.m === undefined) return `${date.y}年`;
  if (date.d === undefined) return `${date.y}年${date.m}月`;
  return `${date.y}年${date.m}月${date.d}日`;
}

/** The date as stored (`1986-07`). */
export function isoDate(date: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (date.m === undefined) return String(date.y);
  if (date.d === undefined) return `${date.y}-${pad(date.m)}`;
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}

/**
 * Could both dates name the same moment? 1982 and 1982-12-22 could (the less precise one does
 * not rule the other out); 1982-11 and 1982-12 could not. A distractor must be incompatible.
 */
export function compatible(a: DateParts, b: DateParts): boolean {
  if (a.y !== b.y) return false;
  if (a.m !== undefined && b.m !== undefined && a.m !== b.m) return false;
  if (a.d !== undefined && b.d !== undefined && a.d !== b.d) return false;
  return true;
}

/** -1 / 1 when one date is certainly earlier; 0 when they are compatible (order unknown). */
export function compareDates(a: DateParts, b: DateParts): number {
  if (a.y !== b.y) return a.y < b.y ? -1 : 1;
  if (a.m !== undefined && b.m !== undefined && a.m !== b.m) return a.m < b.m ? -1 : 1;
  if (a.d !== undefined && b.d !== undefined && a.d !== b.d) return a.d < b.d ? -1 : 1;
  return 0;
}
