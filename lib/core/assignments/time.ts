import { zonedTime } from "@/lib/core/schedule/day";
import { isValidDayKey } from "@/lib/core/schedule/settings";

/**
 * Open and due times are entered as wall-clock date-times in the teacher's zone (what
 * `<input type="datetime-local">` gives: "YYYY-MM-DDTHH:mm") and stored as instants.
 */

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

function parts(local: string): { key: string; hour: number; minute: number } | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [key, hour, minute] = [m[1] ?? "", Number(m[2]), Number(m[3])];
  if (!isValidDayKey(key) || hour > 23 || minute > 59) return null;
  return { key, hour, minute };
}

/** True for a real date-time written "YYYY-MM-DDTHH:mm". */
export function isLocalDateTime(local: string): boolean {
  return parts(local) !== null;
}

/**
 * The instant of a wall-clock date-time in `timeZone`, with zonedTime's "compatible" rule: a
 * time skipped by DST moves forward by the gap, a repeated time takes its first occurrence.
 * zonedTime resolves the whole hour and the minutes are added after, which is exact wherever
 * offsets change on the hour (every current zone, including Lord Howe's half-hour shift).
 */
export function localToUtc(local: string, timeZone: string): Date {
  const p = parts(local);
  if (!p) throw new RangeError(`Invalid local date-time "${local}" (expected YYYY-MM-DDTHH:mm)`);
  return new Date(zonedTime(p.key, p.hour, timeZone).getTime() + p.minute * 60_000);
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date-time of `at` in `timeZone`, as "YYYY-MM-DDTHH:mm" (a datetime-local value). */
export function utcToLocal(at: Date, timeZone: string): string {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    wallFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) p[part.type] = part.value;
  // Some engines print midnight as 24 even with h23.
  const hour = String(Number(p.hour) % 24).padStart(2, "0");
  return `${p.year?.padStart(4, "0")}-${p.month}-${p.day}T${hour}:${p.minute}`;
}

/**
 * An instant for people: date and time in `timeZone`, in the UI's language. The zone's short name
 * ("GMT+8", "EST") is added only when the viewer's own clock would read otherwise at that instant.
 */
export function formatInZone(at: Date, timeZone: string, locale: string, viewerTimeZone: string): string {
  const named = utcToLocal(at, timeZone) !== utcToLocal(at, viewerTimeZone);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(named ? { timeZoneName: "short" } : {}),
  }).format(at);
}
