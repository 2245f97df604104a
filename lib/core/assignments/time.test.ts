import { describe, expect, it } from "vitest";
import { formatInZone, isLocalDateTime, localToUtc, utcToLocal } from "./time";

const SH = "Asia/Shanghai";
const NY = "America/New_York"; // 2024-03-10 02:00 -> 03:00; 2024-11-03 02:00 -> 01:00
const iso = (d: Date) => d.toISOString();

describe("local date-times in the teacher's zone", () => {
  it("runs off UTC, in a zone other than the teacher's", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/New_York");
  });

  it("reads a datetime-local value in the given zone, not the process's", () => {
    expect(iso(localToUtc("2026-03-05T23:59", SH))).toBe("2026-03-05T15:59:00.000Z");
    expect(iso(localToUtc("2026-01-01T00:00", SH))).toBe("2025-12-31T16:00:00.000Z");
    expect(iso(localToUtc("2026-07-01T08:30", NY))).toBe("2026-07-01T12:30:00.000Z"); // EDT
    expect(iso(localToUtc("2026-01-15T08:30", NY))).toBe("2026-01-15T13:30:00.000Z"); // EST
    expect(iso(localToUtc("2026-06-01T09:45", "Asia/Kolkata"))).toBe("2026-06-01T04:15:00.000Z");
  });

  it("moves a time skipped by DST forward and takes the first of a repeated time", () => {
    expect(iso(localToUtc("2024-03-10T02:30", NY))).toBe("2024-03-10T07:30:00.000Z"); // 03:30 EDT
    expect(iso(localToUtc("2024-03-10T03:15", NY))).toBe("2024-03-10T07:15:00.000Z");
    expect(iso(localToUtc("2024-11-03T01:30", NY))).toBe("2024-11-03T05:30:00.000Z"); // 01:30 EDT, not EST
    expect(iso(localToUtc("2024-11-03T02:10", NY))).toBe("2024-11-03T07:10:00.000Z"); // EST
  });

  it("writes an instant back as the zone's wall-clock time", () => {
    expect(utcToLocal(new Date("2026-03-05T15:59:00Z"), SH)).toBe("2026-03-05T23:59");
    expect(utcToLocal(new Date("2025-12-31T16:00:00Z"), SH)).toBe("2026-01-01T00:00");
    expect(utcToLocal(new Date("2024-11-03T05:30:00Z"), NY)).toBe("2024-11-03T01:30");
    expect(utcToLocal(new Date("2024-11-03T06:30:00Z"), NY)).toBe("2024-11-03T01:30");
    for (const local of ["2026-02-28T00:00", "2026-12-31T23:59", "2024-03-10T03:00"]) {
      expect(utcToLocal(localToUtc(local, NY), NY)).toBe(local);
    }
  });

  it("accepts only real dates and times", () => {
    expect(isLocalDateTime("2026-03-05T23:59")).toBe(true);
    for (const bad of ["2026-02-29T10:00", "2026-03-05T24:00", "2026-03-05T10:60", "2026-03-05 10:00", "2026-03-05T10:00:00", "", "tomorrow"]) {
      expect(isLocalDateTime(bad)).toBe(false);
    }
    expect(() => localToUtc("2026-02-30T10:00", SH)).toThrow(RangeError);
  });

  it("formats an instant in the assignment's zone, named only when the viewer's clock differs", () => {
    const at = new Date("2026-03-05T15:59:00Z");
    expect(formatInZone(at, SH, "en", NY)).toMatch(/Mar 5, 2026.*23:59.*GMT\+8/);
    expect(formatInZone(at, NY, "en", SH)).toMatch(/Mar 5, 2026.*10:59.*EST/);
    expect(formatInZone(at, SH, "en", SH)).toBe("Thu, Mar 5, 2026, 23:59");
    expect(formatInZone(at, SH, "zh-CN", SH)).toMatch(/^2026年3月5日.*23:59$/);
    // Another zone on the same clock at that instant is not worth naming.
    expect(formatInZone(at, SH, "en", "Asia/Hong_Kong")).not.toMatch(/GMT/);
  });
});
