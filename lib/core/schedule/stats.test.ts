import { describe, expect, it } from "vitest";
import { newCard, type CardState } from "./card";
import { dueForecast, effectiveReviews, masteryByTopic, predictedRecallByTopic, reviewsPerDay, streak, trueRetention } from "./stats";
import { DAY, SHANGHAI, at, plus } from "./test-fixtures";

type E = { id: string; kind: string; undoOf: string | null; rating: number; prevState: number; dayKey: string };
const review = (id: string, dayKey: string, rating = 3, prevState = 2): E => ({ id, kind: "review", undoOf: null, rating, prevState, dayKey });
const undo = (id: string, of: string, dayKey: string): E => ({ id, kind: "undo", undoOf: of, rating: 0, prevState: 2, dayKey });
const other = (id: string, kind: string, dayKey: string): E => ({ id, kind, undoOf: null, rating: 0, prevState: 2, dayKey });

describe("effectiveReviews", () => {
  it("keeps reviews not cancelled by an undo", () => {
    const log = [review("a", "d"), review("b", "d"), undo("u", "b", "d"), other("r", "reset", "d"), other("s", "unsuspend", "d")];
    expect(effectiveReviews(log).map((e) => e.id)).toEqual(["a"]);
  });
});

describe("reviewsPerDay", () => {
  it("counts reviews per learner day over the range, zero-filled, without undone ones", () => {
    const log = [
      review("1", "2024-02-27"), // before the range
      review("2", "2024-02-28"),
      review("3", "2024-02-28"),
      review("4", "2024-02-28"),
      undo("5", "4", "2024-02-28"),
      review("6", "2024-03-01", 1, 1),
      other("7", "reset", "2024-03-01"),
      review("8", "2024-03-02"), // after
    ];
    expect(reviewsPerDay(log, "2024-02-28", "2024-03-01")).toEqual([
      { day: "2024-02-28", count: 2 },
      { day: "2024-02-29", count: 0 },
      { day: "2024-03-01", count: 1 },
    ]);
    expect(reviewsPerDay([], "2024-01-01", "2024-01-01")).toEqual([{ day: "2024-01-01", count: 0 }]);
    expect(reviewsPerDay(log, "2024-03-02", "2024-03-01")).toEqual([]);
  });
});

describe("trueRetention", () => {
  it("is the share of non-Again ratings among reviews of Review-state cards", () => {
    const log = [
      review("1", "d", 1),
      review("2", "d", 2),
      review("3", "d", 3),
      review("4", "d", 4),
      review("5", "d", 3),
      review("6", "d", 1, 1), // learning step: not counted
      review("7", "d", 1, 3), // relearning step: not counted
      review("8", "d", 3, 0), // new card: not counted
      review("9", "d", 1), // undone below
      undo("10", "9", "d"),
    ];
    expect(trueRetention(log)).toEqual({ passed: 4, total: 5, rate: 0.8 });
    expect(trueRetention([])).toEqual({ passed: 0, total: 0, rate: null });
  });
});

describe("dueForecast", () => {
  const reviewCard = (due: Date, extra: Partial<CardState & { suspended: boolean }> = {}) => ({ due, state: 2, ...extra });

  it("counts cards per learner day from today; overdue ones today", () => {
    // 10:00 on 2024-06-10 in Shanghai; days end at 04:00 local (20:00Z).
    const now = at("2024-06-10T02:00:00Z");
    const cards = [
      reviewCard(at("2024-06-01T00:00:00Z")), // overdue → today
      reviewCard(at("2024-06-10T19:59:59Z")), // 03:59 on 06-11 local → still today
      reviewCard(at("2024-06-10T20:00:00Z")), // 04:00 on 06-11 → 06-11
      reviewCard(at("2024-06-12T10:00:00Z")), // 18:00 on 06-12 → 06-12
      reviewCard(at("2024-06-12T21:00:00Z")), // 05:00 on 06-13 → beyond 3 days
      reviewCard(at("2024-06-10T03:00:00Z"), { state: 1 }), // learning → today
      reviewCard(at("2024-06-10T03:00:00Z"), { state: 0 }), // new: not a forecast
      reviewCard(at("2024-06-10T03:00:00Z"), { suspended: true }),
    ];
    expect(dueForecast(cards, now, SHANGHAI, 3)).toEqual([
      { day: "2024-06-10", count: 3 },
      { day: "2024-06-11", count: 1 },
      { day: "2024-06-12", count: 1 },
    ]);
    expect(dueForecast(cards, now, SHANGHAI)).toHaveLength(30);
    expect(dueForecast(cards, now, SHANGHAI).reduce((n, d) => n + d.count, 0)).toBe(6);
  });

  it("follows a New York learner across the March DST change", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    const now = at("2024-03-09T15:00:00Z"); // 10:00 EST on 03-09
    const cards = [
      reviewCard(at("2024-03-10T07:30:00Z")), // 03:30 EDT on 03-10 → 03-09's day
      reviewCard(at("2024-03-10T08:00:00Z")), // 04:00 EDT → 03-10
      reviewCard(at("2024-03-11T07:59:00Z")), // 03:59 EDT on 03-11 → 03-10
    ];
    expect(dueForecast(cards, now, ny, 2)).toEqual([
      { day: "2024-03-09", count: 1 },
      { day: "2024-03-10", count: 2 },
    ]);
  });
});

describe("masteryByTopic", () => {
  it("is the share of all the topic's facets with stability over 21 days", () => {
    const c = (topic: string, stability: number, state = 2) => ({ topic, stability, state });
    const result = masteryByTopic(
      [c("历史", 30), c("历史", 21), c("历史", 22.5), c("历史", 5, 3), c("原则", 50), c("原则", 0, 0), c("新", 40)],
      { 历史: 8, 原则: 2, 目标: 3 },
    );
    expect(result).toEqual({
      历史: { value: 2, total: 8, share: 0.25 },
      原则: { value: 1, total: 2, share: 0.5 },
      新: { value: 1, total: 1, share: 1 }, // not in the bank's counts: its cards are its facets
      目标: { value: 0, total: 3, share: 0 },
    });
  });
});

describe("predictedRecallByTopic", () => {
  // FSRS-6 forgetting curve with the default decay w20 = 0.1542, written out here:
  // R(t, S) = (1 + F·t/S)^(−w20), F = 0.9^(−1/w20) − 1, so R(S, S) = 0.9.
  const w20 = 0.1542;
  const F = Math.pow(0.9, -1 / w20) - 1;
  const R = (t: number, S: number) => Math.pow(1 + (F * t) / S, -w20);

  it("averages recall at the exam over every facet of the topic, unstudied ones as 0", () => {
    const lastReview = at("2024-06-01T02:00:00Z");
    const exam = plus(lastReview, 10 * DAY + 3_600_000); // 10 whole days later
    const studied = (topic: string, stability: number) => ({
      ...newCard(lastReview),
      state: 2,
      stability,
      difficulty: 5,
      lastReview,
      due: plus(lastReview, stability * DAY),
      topic,
    });
    const result = predictedRecallByTopic(
      [studied("历史", 10), studied("历史", 40), { ...newCard(lastReview), topic: "历史" }, studied("原则", 2)],
      exam,
      { 历史: 4, 原则: 1, 目标: 2 },
      SHANGHAI,
    );
    expect(R(10, 10)).toBeCloseTo(0.9, 12);
    expect(result.历史!.total).toBe(4);
    expect(result.历史!.share).toBeCloseTo((0.9 + R(10, 40) + 0 + 0) / 4, 7);
    expect(result.原则!.share).toBeCloseTo(R(10, 2), 7);
    expect(result.目标).toEqual({ value: 0, total: 2, share: 0 });
  });
});

describe("streak", () => {
  it("counts consecutive days ending today, or yesterday before today's first review", () => {
    const days = ["2024-06-10", "2024-06-09", "2024-06-08", "2024-06-05", "2024-06-04"];
    expect(streak(days, "2024-06-10")).toBe(3);
    expect(streak(days, "2024-06-11")).toBe(3); // nothing yet today: the streak is still alive
    expect(streak(days, "2024-06-12")).toBe(0);
    expect(streak(days, "2024-06-06")).toBe(2);
    expect(streak(["2024-03-01", "2024-02-29", "2024-02-28", "2024-02-28"], "2024-03-01")).toBe(3);
    expect(streak([], "2024-06-10")).toBe(0);
    expect(streak(new Set(["2024-06-10"]), "2024-06-10")).toBe(1);
  });
});
