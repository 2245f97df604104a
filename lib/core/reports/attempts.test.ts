import { describe, expect, it } from "vitest";
import { countedAttempt, type ReportAttempt } from "./attempts";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-03-11T00:00:00Z");
const attempt = (number: number, start: string, end: string | null, score: number | null, opts: Partial<ReportAttempt> = {}): ReportAttempt => ({
  number,
  startedAt: at(start),
  deadline: null,
  submittedAt: end ? at(end) : null,
  score,
  answers: [],
  ...opts,
});

describe("countedAttempt", () => {
  it("takes the best score and the earliest hand-in on a tie", () => {
    const counted = countedAttempt(
      [attempt(1, "2026-03-09T01:00:00Z", "2026-03-09T01:10:00Z", 0.5), attempt(2, "2026-03-09T02:00:00Z", "2026-03-09T02:20:00Z", 0.8), attempt(3, "2026-03-09T03:00:00Z", "2026-03-09T03:05:00Z", 0.8)],
      4,
      NOW,
    );
    // #2 and #3 tie on 0.8: #2 was handed in first. 02:00 → 02:20 = 20 min.
    expect(counted).toMatchObject({ attempt: { number: 2 }, score: 0.8, timeTakenMs: 20 * 60_000 });
  });

  it("skips open attempts", () => {
    expect(countedAttempt([attempt(1, "2026-03-10T23:50:00Z", null, null, { deadline: at("2026-03-11T00:10:00Z") })], 4, NOW)).toBeNull();
    expect(countedAttempt([attempt(1, "2026-03-10T23:50:00Z", null, null)], 4, NOW)).toBeNull();
  });

  it("counts an attempt whose time ran out at its deadline, scored from its answers", () => {
    const expired = attempt(1, "2026-03-10T10:00:00Z", null, null, {
      deadline: at("2026-03-10T10:30:00Z"),
      answers: [{ score: 1 }, { score: 0.5 }],
    });
    // (1 + 0.5) / 4 questions = 0.375; 10:00 → 10:30 = 30 min.
    expect(countedAttempt([expired], 4, NOW)).toMatchObject({ handedInAt: at("2026-03-10T10:30:00Z"), score: 0.375, timeTakenMs: 30 * 60_000 });
  });
});
