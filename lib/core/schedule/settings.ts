import { z } from "zod";
import { text } from "../text";

/** A learner's study settings: one field per column of the LearnerSettings model. */
export interface LearnerSettings {
  /** Target probability of recall at the due date, 0.70–0.97. */
  desiredRetention: number;
  /** New facets introduced per learner day. */
  newPerDay: number;
  /** Reviews (of cards in the Review state) per learner day; learning steps are not limited. */
  reviewsPerDay: number;
  /** IANA time zone, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Local hour (0–23) at which the learner's day starts. */
  dayStartHour: number;
  /** "YYYY-MM-DD" in the learner's time zone, or null. */
  examDate: string | null;
}

/** The Prisma column defaults are the same values (prisma/models.prisma, LearnerSettings). */
export const DEFAULT_SETTINGS: Readonly<LearnerSettings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: "Asia/Shanghai",
  dayStartHour: 4,
  examDate: null,
});

/** A card becomes a leech (suspended and flagged) at its 8th lapse, as in Anki. */
export const LEECH_LAPSES = 8;
/** After the first leech, every further 4 lapses flag it again (Anki: half the threshold). */
export const LEECH_REPEAT_LAPSES = 4;
/** A facet counts as mastered when its stability exceeds this many days (Anki's "mature"). */
export const MASTERED_STABILITY_DAYS = 21;

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;

/** True when `Intl` knows the zone (what every date function here relies on). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling ("asia/shanghai" -> "Asia/Shanghai"). Assumes a valid zone. */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD" (2025-02-29 is false). */
export function isValidDayKey(key: string): boolean {
  const m = DAY_KEY.exec(key);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC maps years 0-99 to 19xx, so those fail the round trip (no exam is held then).
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Form fields arrive as strings: a number written as text is read, a blank is missing. */
function fromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

function intIn(min: number, max: number, message: string) {
  return z.preprocess(fromText, z.number(message).int(message).min(min, message).max(max, message));
}

// Messages are catalogue keys under `errors.*` (see lib/features/account/schema.ts).
export const settingsErrorKeys = [
  "errors.retentionRange",
  "errors.newPerDayRange",
  "errors.reviewsPerDayRange",
  "errors.timeZoneInvalid",
  "errors.dayStartHourRange",
  "errors.examDateInvalid",
] as const;

/**
 * Validates a settings form or JSON body. Numbers may be given as text; the time zone comes out
 * in its canonical spelling; a blank exam date means none.
 */
export const learnerSettingsInput = z.object({
  desiredRetention: z.preprocess(
    fromText,
    z
      .number("errors.retentionRange")
      .min(RETENTION_MIN, "errors.retentionRange")
      .max(RETENTION_MAX, "errors.retentionRange"),
  ),
  newPerDay: intIn(0, 9999, "errors.newPerDayRange"),
  reviewsPerDay: intIn(0, 99999, "errors.reviewsPerDayRange"),
  timeZone: text("errors.timeZoneInvalid")
    .trim()
    .refine(isValidTimeZone, "errors.timeZoneInvalid")
    .transform(canonicalTimeZone),
  dayStartHour: intIn(0, 23, "errors.dayStartHourRange"),
  examDate: z.preprocess(
    (value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value),
    text("errors.examDateInvalid").trim().refine(isValidDayKey, "errors.examDateInvalid").nullable(),
  ),
});
export type LearnerSettingsInput = z.input<typeof learnerSettingsInput>;

// The parsed output is exactly LearnerSettings (checked by the compiler).
const _sameShape: (s: z.output<typeof learnerSettingsInput>) => LearnerSettings = (s) => s;
void _sameShape;
