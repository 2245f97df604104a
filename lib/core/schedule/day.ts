/**
 * The learner's day: it starts at `dayStartHour` local time in the learner's zone (so a review at
 * 02:00 with a 04:00 start counts towards the previous day, as in Anki). Offsets come from Intl,
 * so DST and historical offset changes follow the platform's time-zone data.
 */

export interface LearnerDay {
  /** The calendar date the day is named after, "YYYY-MM-DD". */
  key: string;
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). 23 or 25 hours after `start` across DST. */
  end: Date;
}

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time of `ms` in `timeZone`. */
function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines print midnight as 24 even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Wall-clock fields read as UTC. Years 0-99 are not supported (Date.UTC maps them to 19xx). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at instant `ms`, in ms (Shanghai: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant of a local wall-clock time. A time skipped by a DST change maps to the instant the
 * clocks jumped to (02:30 on a spring-forward night -> 03:30); a repeated time takes its first
 * occurrence. This is Temporal's "compatible" disambiguation.
 */
export function zonedTime(key: string, hour: number, timeZone: string): Date {
  const { year, month, day } = parseKey(key);
  const local = utcMs(year, month, day, hour);
  // The instant is within 14 h of `local`, so a day either side brackets any offset change.
  const before = offsetAt(local - MS_PER_DAY, timeZone);
  const after = offsetAt(local + MS_PER_DAY, timeZone);
  if (before === after) return new Date(local - before);
  // An offset change near the wall time: try both offsets.
  const withBefore = local - before;
  const withAfter = local - after;
  const earlier = Math.min(withBefore, withAfter);
  const later = Math.max(withBefore, withAfter);
  const okEarlier = offsetAt(earlier, timeZone) === local - earlier;
  const okLater = offsetAt(later, timeZone) === local - later;
  if (okEarlier) return new Date(earlier); // valid, or the first of two
  if (okLater) return new Date(later);
  // In the gap: the wall time shifted forward by the gap, i.e. read with the offset before it.
  return new Date(withBefore);
}

function parseKey(key: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`Invalid day key "${key}" (expected YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function formatKey(ms: number): string {
  const d = new Date(ms);
  const y = String(d.getUTCFullYear()).padStart(4, "0");
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** The calendar day `n` days after `key` (negative goes back). */
export function addDays(key: string, n: number): string {
  const { year, month, day } = parseKey(key);
  return formatKey(utcMs(year, month, day) + n * MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseKey(from);
  const b = parseKey(to);
  return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / MS_PER_DAY);
}

function checkHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new RangeError(`dayStartHour must be an integer 0-23, got ${dayStartHour}`);
  }
}

// Day boundaries are asked for again and again (every review, every forecast day) and each costs
// several Intl calls: remember the recent ones. Deterministic, so it does not affect purity.
const boundaries = new Map<string, number>();
const BOUNDARY_CACHE_SIZE = 4096;

function dayBoundary(key: string, dayStartHour: number, timeZone: string): Date {
  const id = `${timeZone}|${dayStartHour}|${key}`;
  let ms = boundaries.get(id);
  if (ms === undefined) {
    ms = zonedTime(key, dayStartHour, timeZone).getTime();
    if (boundaries.size >= BOUNDARY_CACHE_SIZE) boundaries.clear();
    boundaries.set(id, ms);
  }
  return new Date(ms);
}

/** The learner day named `key`: from `dayStartHour` on that date to `dayStartHour` the next. */
export function dayOfKey(key: string, timeZone: string, dayStartHour: number): LearnerDay {
  checkHour(dayStartHour);
  return {
    key,
    start: dayBoundary(key, dayStartHour, timeZone),
    end: dayBoundary(addDays(key, 1), dayStartHour, timeZone),
  };
}

/** The learner day that contains `now`. */
export function learnerDay(now: Date, timeZone: string, dayStartHour: number): LearnerDay {
  checkHour(dayStartHour);
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid date");
  const w = wallTime(ms, timeZone);
  let key = formatKey(utcMs(w.year, w.month, w.day));
  let day = dayOfKey(key, timeZone, dayStartHour);
  // Before the start hour (or inside a DST gap around it): still the previous day.
  if (ms < day.start.getTime()) {
    key = addDays(key, -1);
    day = dayOfKey(key, timeZone, dayStartHour);
  } else if (ms >= day.end.getTime()) {
    key = addDays(key, 1);
    day = dayOfKey(key, timeZone, dayStartHour);
  }
  return day;
}

/** The key of the learner day that contains `date` (the ReviewLog.dayKey of a review). */
export function dayKeyOf(date: Date, timeZone: string, dayStartHour: number): string {
  return learnerDay(date, timeZone, dayStartHour).key;
}
