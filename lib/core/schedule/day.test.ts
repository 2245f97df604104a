import { describe, expect, it } from "vitest";
import { addDays, dayKeyOf, dayOfKey, daysBetween, learnerDay, zonedTime } from "./day";

const SH = "Asia/Shanghai"; // UTC+8, no DST
const NY = "America/New_York"; // DST: 2024-03-10 02:00 -> 03:00, 2024-11-03 02:00 -> 01:00
const H = 3_600_000;

const iso = (d: Date) => d.toISOString();

describe("learner day", () => {
  it("runs in a process time zone other than the learner's (TZ=America/New_York)", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/New_York");
  });

  it("starts at the start hour in the learner's zone, not the process's", () => {
    // 2024-06-01 03:59 and 04:00 in Shanghai.
    const before = learnerDay(new Date("2024-05-31T19:59:59.999Z"), SH, 4);
    const at = learnerDay(new Date("2024-05-31T20:00:00.000Z"), SH, 4);
    expect(before.key).toBe("2024-05-31");
    expect(iso(before.start)).toBe("2024-05-30T20:00:00.000Z");
    expect(iso(before.end)).toBe("2024-05-31T20:00:00.000Z");
    expect(at.key).toBe("2024-06-01");
    expect(iso(at.start)).toBe("2024-05-31T20:00:00.000Z");
    expect(iso(at.end)).toBe("2024-06-01T20:00:00.000Z");
  });

  it("puts 02:00 local with a 04:00 start in the previous day", () => {
    // 2024-06-01T18:00Z is 02:00 on 2024-06-02 in Shanghai: it belongs to 2024-06-01.
    expect(dayKeyOf(new Date("2024-06-01T18:00:00Z"), SH, 4)).toBe("2024-06-01");
    expect(dayKeyOf(new Date("2024-06-01T18:00:00Z"), SH, 0)).toBe("2024-06-02");
    // 23:30 local is the same calendar day with any start hour up to then.
    expect(dayKeyOf(new Date("2024-06-01T15:30:00Z"), SH, 4)).toBe("2024-06-01");
    expect(dayKeyOf(new Date("2024-06-01T15:30:00Z"), SH, 23)).toBe("2024-06-01");
    expect(dayKeyOf(new Date("2024-06-01T14:30:00Z"), SH, 23)).toBe("2024-05-31");
  });

  it("starts at midnight with start hour 0", () => {
    const d = learnerDay(new Date("2024-06-01T16:00:00Z"), SH, 0);
    expect(d.key).toBe("2024-06-02");
    expect(iso(d.start)).toBe("2024-06-01T16:00:00.000Z");
    expect(d.end.getTime() - d.start.getTime()).toBe(24 * H);
  });

  it("handles the spring-forward day in New York (a 23-hour day)", () => {
    // 2024-03-10 03:30 EDT (07:30Z) is before the 04:00 start: still 2024-03-09.
    const early = learnerDay(new Date("2024-03-10T07:30:00Z"), NY, 4);
    expect(early.key).toBe("2024-03-09");
    expect(iso(early.start)).toBe("2024-03-09T09:00:00.000Z"); // 04:00 EST
    expect(iso(early.end)).toBe("2024-03-10T08:00:00.000Z"); // 04:00 EDT
    expect(early.end.getTime() - early.start.getTime()).toBe(23 * H);
    const day = learnerDay(new Date("2024-03-10T08:00:00Z"), NY, 4);
    expect(day.key).toBe("2024-03-10");
    expect(day.end.getTime() - day.start.getTime()).toBe(24 * H);
    expect(dayKeyOf(new Date("2024-03-10T07:59:59.999Z"), NY, 4)).toBe("2024-03-09");
  });

  it("handles the fall-back day in New York (a 25-hour day)", () => {
    const d = learnerDay(new Date("2024-11-03T08:30:00Z"), NY, 4); // 03:30 EST, before 04:00
    expect(d.key).toBe("2024-11-02");
    expect(iso(d.start)).toBe("2024-11-02T08:00:00.000Z"); // 04:00 EDT
    expect(iso(d.end)).toBe("2024-11-03T09:00:00.000Z"); // 04:00 EST
    expect(d.end.getTime() - d.start.getTime()).toBe(25 * H);
    expect(dayKeyOf(new Date("2024-11-03T09:00:00Z"), NY, 4)).toBe("2024-11-03");
  });

  it("starts a day whose start hour is skipped or repeated like Temporal's 'compatible'", () => {
    // 02:00 does not exist on 2024-03-10: the day starts when the clocks jump, 03:00 EDT.
    expect(iso(dayOfKey("2024-03-10", NY, 2).start)).toBe("2024-03-10T07:00:00.000Z");
    expect(iso(dayOfKey("2024-03-09", NY, 2).end)).toBe("2024-03-10T07:00:00.000Z");
    expect(dayKeyOf(new Date("2024-03-10T06:59:59Z"), NY, 2)).toBe("2024-03-09"); // 01:59:59 EST
    expect(dayKeyOf(new Date("2024-03-10T07:00:00Z"), NY, 2)).toBe("2024-03-10");
    // 01:00 happens twice on 2024-11-03: the day starts at the first, 01:00 EDT.
    expect(iso(dayOfKey("2024-11-03", NY, 1).start)).toBe("2024-11-03T05:00:00.000Z");
    expect(iso(zonedTime("2024-03-10", 2, NY))).toBe("2024-03-10T07:00:00.000Z");
  });

  it("keeps start <= now < end and names each day after its start, everywhere, all year", () => {
    // Lord Howe shifts by 30 minutes, St John's is UTC-3:30 with DST, Kolkata +5:30.
    const zones = [SH, NY, "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata"];
    const from = Date.UTC(2024, 0, 1);
    let checked = 0;
    for (const tz of zones) {
      for (const hour of [0, 2, 4, 23]) {
        // Every 7 h 13 min over a year drifts through each time of day and past every DST change.
        for (let t = from; t < from + 366 * 24 * H; t += 433 * 60_000) {
          const now = new Date(t);
          const d = learnerDay(now, tz, hour);
          expect(d.start.getTime() <= t && t < d.end.getTime(), `${tz} ${hour} ${iso(now)}`).toBe(true);
          checked++;
        }
        // Consecutive days tile the timeline.
        let key = "2024-01-01";
        for (let i = 0; i < 366; i++) {
          const day = dayOfKey(key, tz, hour);
          const next = dayOfKey(addDays(key, 1), tz, hour);
          expect(day.end.getTime()).toBe(next.start.getTime());
          const len = day.end.getTime() - day.start.getTime();
          expect(len >= 22 * H && len <= 26 * H, `${tz} ${key} ${len / H} h`).toBe(true);
          expect(learnerDay(day.start, tz, hour).key).toBe(key);
          expect(learnerDay(new Date(day.end.getTime() - 1), tz, hour).key).toBe(key);
          key = addDays(key, 1);
        }
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  }, 60_000);

  it("adds and counts calendar days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-03-10", 0)).toBe("2024-03-10");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2024-03-11", "2024-03-09")).toBe(-2);
    expect(() => addDays("2024-1-1", 1)).toThrow(RangeError);
  });

  it("rejects a bad start hour or date", () => {
    expect(() => learnerDay(new Date("2024-01-01T00:00:00Z"), SH, 24)).toThrow(RangeError);
    expect(() => learnerDay(new Date("2024-01-01T00:00:00Z"), SH, 1.5)).toThrow(RangeError);
    expect(() => learnerDay(new Date(Number.NaN), SH, 4)).toThrow(RangeError);
  });
});
