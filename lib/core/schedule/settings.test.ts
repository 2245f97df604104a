import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  LEECH_LAPSES,
  MASTERED_STABILITY_DAYS,
  isValidDayKey,
  isValidTimeZone,
  learnerSettingsInput,
} from "./settings";

const valid = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: "Asia/Shanghai",
  dayStartHour: 4,
  examDate: null,
};

function errorsOf(input: unknown): Record<string, string> {
  const result = learnerSettingsInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("settings", () => {
  it("has the documented defaults and constants", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      reviewsPerDay: 200,
      timeZone: "Asia/Shanghai",
      dayStartHour: 4,
      examDate: null,
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(LEECH_LAPSES).toBe(8);
    expect(MASTERED_STABILITY_DAYS).toBe(21);
    // The defaults pass their own schema.
    expect(learnerSettingsInput.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it("accepts the range ends and rejects just outside them", () => {
    expect(errorsOf({ ...valid, desiredRetention: 0.7 })).toEqual({});
    expect(errorsOf({ ...valid, desiredRetention: 0.97 })).toEqual({});
    expect(errorsOf({ ...valid, desiredRetention: 0.69 })).toEqual({ desiredRetention: "errors.retentionRange" });
    expect(errorsOf({ ...valid, desiredRetention: 0.971 })).toEqual({ desiredRetention: "errors.retentionRange" });
    expect(errorsOf({ ...valid, newPerDay: 0, reviewsPerDay: 0, dayStartHour: 0 })).toEqual({});
    expect(errorsOf({ ...valid, newPerDay: 9999, reviewsPerDay: 99999, dayStartHour: 23 })).toEqual({});
    expect(errorsOf({ ...valid, newPerDay: -1 })).toEqual({ newPerDay: "errors.newPerDayRange" });
    expect(errorsOf({ ...valid, newPerDay: 10000 })).toEqual({ newPerDay: "errors.newPerDayRange" });
    expect(errorsOf({ ...valid, newPerDay: 2.5 })).toEqual({ newPerDay: "errors.newPerDayRange" });
    expect(errorsOf({ ...valid, reviewsPerDay: 100000 })).toEqual({ reviewsPerDay: "errors.reviewsPerDayRange" });
    expect(errorsOf({ ...valid, dayStartHour: 24 })).toEqual({ dayStartHour: "errors.dayStartHourRange" });
    expect(errorsOf({ ...valid, dayStartHour: -1 })).toEqual({ dayStartHour: "errors.dayStartHourRange" });
  });

  it("reads form text: numbers as text, blanks as missing, a blank exam date as none", () => {
    expect(
      learnerSettingsInput.parse({
        desiredRetention: " 0.85 ",
        newPerDay: "10",
        reviewsPerDay: "150",
        timeZone: " Europe/Berlin ",
        dayStartHour: "0",
        examDate: "",
      }),
    ).toEqual({
      desiredRetention: 0.85,
      newPerDay: 10,
      reviewsPerDay: 150,
      timeZone: "Europe/Berlin",
      dayStartHour: 0,
      examDate: null,
    });
    expect(errorsOf({ ...valid, newPerDay: "" })).toEqual({ newPerDay: "errors.newPerDayRange" });
    expect(errorsOf({ ...valid, newPerDay: "ten" })).toEqual({ newPerDay: "errors.newPerDayRange" });
    expect(learnerSettingsInput.parse({ ...valid, examDate: undefined }).examDate).toBeNull();
  });

  it("accepts IANA zones (canonical spelling out) and rejects others", () => {
    expect(learnerSettingsInput.parse({ ...valid, timeZone: "asia/shanghai" }).timeZone).toBe("Asia/Shanghai");
    expect(learnerSettingsInput.parse({ ...valid, timeZone: "America/New_York" }).timeZone).toBe("America/New_York");
    expect(learnerSettingsInput.parse({ ...valid, timeZone: "UTC" }).timeZone).toBe("UTC");
    for (const tz of ["Mars/Olympus_Mons", "", "   ", "Asia/Shang hai"]) {
      expect(errorsOf({ ...valid, timeZone: tz }), tz).toEqual({ timeZone: "errors.timeZoneInvalid" });
    }
    expect(errorsOf({ ...valid, timeZone: 8 })).toEqual({ timeZone: "errors.timeZoneInvalid" });
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Nowhere/City")).toBe(false);
  });

  it("accepts real calendar dates only", () => {
    expect(learnerSettingsInput.parse({ ...valid, examDate: "2024-02-29" }).examDate).toBe("2024-02-29");
    for (const d of ["2025-02-29", "2024-13-01", "2024-04-31", "2024-6-1", "2024-06-01T00:00", "tomorrow", "0099-01-01"]) {
      expect(errorsOf({ ...valid, examDate: d }), d).toEqual({ examDate: "errors.examDateInvalid" });
    }
    expect(isValidDayKey("2000-02-29")).toBe(true);
    expect(isValidDayKey("1900-02-29")).toBe(false);
    expect(isValidDayKey("2024-12-31")).toBe(true);
  });

  it("reports every bad field at once", () => {
    expect(
      Object.keys(
        errorsOf({ desiredRetention: 2, newPerDay: -1, reviewsPerDay: -1, timeZone: "x", dayStartHour: 99, examDate: "x" }),
      ).sort(),
    ).toEqual(["dayStartHour", "desiredRetention", "examDate", "newPerDay", "reviewsPerDay", "timeZone"]);
  });
});
