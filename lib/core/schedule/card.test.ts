import {
  default_w,
  fsrs,
  forgetting_curve,
  GenSeedStrategyWithCardId,
  generatorParameters,
  Rating,
  State,
  StrategyMode,
  type Card as FsrsCard,
} from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  applyReview,
  compareEntries,
  formatInterval,
  fromFsrsCard,
  insertLateReview,
  isLeechLapseCount,
  newCard,
  previewIntervals,
  replay,
  resetCard,
  retrievability,
  rollbackReview,
  scheduler,
  ScheduleError,
  toFsrsCard,
  toFsrsReviewLog,
  undoReview,
  unsuspendEntry,
  type CardState,
  type ReviewEntry,
  type StoredReviewEntry,
} from "./card";
import { DAY, HOUR, MINUTE, SHANGHAI, at, plus, reviewed, sameCard, simulate } from "./test-fixtures";

const T0 = at("2024-03-01T01:00:00.000Z"); // 09:00 in Shanghai, 20:00 the day before in New York

describe("card state and ts-fsrs conversions", () => {
  it("makes a new card due at once with zero state", () => {
    expect(newCard(T0)).toEqual({
      due: T0,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      lastReview: null,
    });
  });

  it("uses ts-fsrs's State and Rating numbers", () => {
    expect([State.New, State.Learning, State.Review, State.Relearning]).toEqual([0, 1, 2, 3]);
    expect([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]).toEqual([1, 2, 3, 4]);
  });

  it("round-trips a card through ts-fsrs's Card without loss", () => {
    const card = reviewed("rt", [3, 3, 3, 1], T0);
    expect(fromFsrsCard(toFsrsCard(card))).toEqual(card);
    const fresh = newCard(T0);
    expect(toFsrsCard(fresh).last_review).toBeUndefined();
    expect(fromFsrsCard(toFsrsCard(fresh))).toEqual(fresh);
    expect(() => toFsrsCard({ ...card, state: 4 })).toThrow(ScheduleError);
  });

  it("logs exactly what ts-fsrs logs (new, review and reset cards)", () => {
    const reset = resetCard(reviewed("log", [3, 3, 3], T0), plus(T0, 20 * DAY)).card;
    const cases: [string, CardState, Date][] = [
      ["new", newCard(T0), T0],
      ["learning", reviewed("log", [3], T0), plus(T0, 10 * MINUTE)],
      ["review", reviewed("log", [3, 3, 3], T0), plus(T0, 30 * DAY)],
      ["reset", reset, plus(T0, 21 * DAY)],
    ];
    for (const [name, card, now] of cases) {
      for (const rating of [1, 2, 3, 4] as const) {
        const ours = applyReview(card, rating, now, SHANGHAI, "log");
        const theirs = scheduler(SHANGHAI, "log").next(toFsrsCard(card), now, rating);
        expect(toFsrsReviewLog({ id: "x", ...ours.entry }), `${name} ${rating}`).toEqual(theirs.log);
        expect(ours.card).toEqual(fromFsrsCard(theirs.card));
      }
    }
  });
});

describe("scheduler", () => {
  it("passes desired retention, fuzz and FSRS-6 default weights to ts-fsrs", () => {
    const p = scheduler({ desiredRetention: 0.85 }, "a").parameters;
    expect(p.request_retention).toBe(0.85);
    expect(p.enable_fuzz).toBe(true);
    expect(p.w).toHaveLength(21); // FSRS-6
    expect([...p.w]).toEqual([...default_w]);
    expect(p.learning_steps).toEqual(["1m", "10m"]);
    expect(p.relearning_steps).toEqual(["10m"]);
    const w = [...default_w];
    w[0] = 0.5;
    expect(scheduler({ desiredRetention: 0.9, w }, "a").parameters.w[0]).toBe(0.5);
  });

  it("seeds the fuzz exactly like ts-fsrs's GenSeedStrategyWithCardId", () => {
    const theirs = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: true })).useStrategy(
      StrategyMode.SEED,
      GenSeedStrategyWithCardId("card_id"),
    );
    for (const cardId of ["ckv1", "ckv2", "x"]) {
      let ours = newCard(T0);
      let their: FsrsCard & { card_id: string } = { ...toFsrsCard(ours), card_id: cardId };
      let now = T0;
      for (const rating of [3, 3, 3, 3, 2, 4, 1, 3, 3, 3]) {
        ours = applyReview(ours, rating, now, SHANGHAI, cardId).card;
        their = { ...theirs.next(their, now, rating as 1 | 2 | 3 | 4).card, card_id: cardId };
        expect(toFsrsCard(ours)).toEqual({ ...their, card_id: undefined, elapsed_days: 0 });
        now = new Date(Math.max(ours.due.getTime(), now.getTime()));
      }
      expect(ours.scheduledDays).toBeGreaterThan(3); // the fuzz was in play
    }
  });

  it("fuzzes intervals by card id: same history, different ids, different intervals", () => {
    const intervals = new Set<number>();
    for (let i = 0; i < 20; i++) intervals.add(reviewed(`card-${i}`, [3, 3, 3, 3, 3], T0).scheduledDays);
    expect(intervals.size).toBeGreaterThan(1);
    // …and the same id always gets the same interval.
    expect(reviewed("card-1", [3, 3, 3, 3, 3], T0)).toEqual(reviewed("card-1", [3, 3, 3, 3, 3], T0));
  });
});

describe("applyReview", () => {
  it("returns the next card and the log fields: prev* from the card before, elapsed days from ts-fsrs", () => {
    const before = reviewed("e", [3, 3], T0);
    expect(before.state).toBe(State.Review);
    const now = plus(before.due, 3 * HOUR);
    const { card, entry, leech } = applyReview(before, 3, now, SHANGHAI, "e", { lastElapsedDays: 7 });
    expect(leech).toBe(false);
    expect(card.reps).toBe(before.reps + 1);
    expect(card.lastReview).toEqual(now);
    expect(card.due.getTime()).toBe(now.getTime() + card.scheduledDays * DAY);
    expect(entry).toEqual({
      kind: "review",
      undoOf: null,
      rating: 3,
      reviewedAt: now,
      prevState: before.state,
      prevDue: before.due,
      prevStability: before.stability,
      prevDifficulty: before.difficulty,
      prevScheduledDays: before.scheduledDays,
      prevLearningSteps: before.learningSteps,
      prevLastReview: before.lastReview,
      prevReps: before.reps,
      prevLapses: before.lapses,
      // ts-fsrs counts whole UTC calendar days between reviews.
      elapsedDays: Math.round(
        (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
          Date.UTC(before.lastReview!.getUTCFullYear(), before.lastReview!.getUTCMonth(), before.lastReview!.getUTCDate())) /
          DAY,
      ),
      lastElapsedDays: 7,
    });
  });

  it("does not change its inputs", () => {
    const before = reviewed("p", [3, 3], T0);
    const copy = structuredClone(before);
    applyReview(before, 1, plus(before.due, HOUR), SHANGHAI, "p");
    expect(before).toEqual(copy);
  });

  it("rejects bad ratings and reviews before the last one", () => {
    const card = reviewed("bad", [3], T0);
    for (const r of [0, 5, 2.5, Number.NaN]) {
      expect(() => applyReview(card, r, plus(T0, HOUR), SHANGHAI, "bad")).toThrow(ScheduleError);
    }
    expect(() => applyReview(card, 3, plus(T0, -1), SHANGHAI, "bad")).toThrow(ScheduleError);
    expect(() => applyReview(card, 3, new Date(Number.NaN), SHANGHAI, "bad")).toThrow(ScheduleError);
  });

  it("flags a leech at the 8th lapse, and again at the 12th (Anki), never in between", () => {
    let card = reviewed("leech", [3, 3], T0);
    expect(card.state).toBe(State.Review);
    let now = card.due;
    const flaggedAt: number[] = [];
    for (let i = 0; i < 13; i++) {
      // Again on a review card is a lapse; Again again while relearning is not.
      const lapse = applyReview(card, 1, now, SHANGHAI, "leech");
      expect(lapse.card.lapses).toBe(card.lapses + 1);
      if (lapse.leech) flaggedAt.push(lapse.card.lapses);
      const again = applyReview(lapse.card, 1, plus(now, 10 * MINUTE), SHANGHAI, "leech");
      expect(again.card.lapses).toBe(lapse.card.lapses);
      expect(again.leech).toBe(false);
      const back = applyReview(again.card, 3, plus(now, 20 * MINUTE), SHANGHAI, "leech");
      expect(back.leech).toBe(false);
      card = back.card;
      expect(card.state).toBe(State.Review);
      now = card.due;
    }
    expect(flaggedAt).toEqual([8, 12]);
    expect([7, 8, 9, 11, 12, 16].map(isLeechLapseCount)).toEqual([false, true, false, false, true, true]);
  });
});

describe("rollbackReview (undo)", () => {
  const id = "undo";
  const histories: [string, number[]][] = [
    ["new card", []],
    ["learning", [3]],
    ["learning, after Hard", [2]],
    ["review", [3, 3]],
    ["long review", [3, 3, 3, 3, 4]],
    ["relearning", [3, 3, 1]],
    ["lapsed several times", [3, 3, 1, 3, 1, 3]],
  ];
  for (const [name, ratings] of histories) {
    it(`restores the exact card before the review: ${name}`, () => {
      const before = reviewed(id, ratings, T0);
      const now = new Date(Math.max(before.due.getTime(), T0.getTime()) + 5 * HOUR);
      for (const rating of [1, 2, 3, 4]) {
        const { card, entry } = applyReview(before, rating, now, SHANGHAI, id);
        const stored: StoredReviewEntry = { id: "r1", ...entry };
        expect(rollbackReview(card, stored)).toEqual(before);
      }
    });
  }

  it("restores a card reset to new (which keeps its last review)", () => {
    const reset = resetCard(reviewed(id, [3, 3, 3], T0), plus(T0, 40 * DAY)).card;
    expect(reset.state).toBe(State.New);
    expect(reset.lastReview).not.toBeNull();
    const { card, entry } = applyReview(reset, 3, plus(T0, 41 * DAY), SHANGHAI, id);
    expect(rollbackReview(card, { id: "r", ...entry })).toEqual(reset);
  });

  it("fixes the due date that ts-fsrs's own rollback cannot know", () => {
    const before = reviewed(id, [3, 3, 3], T0);
    const now = plus(before.due, 2 * DAY); // reviewed late
    const { card, entry } = applyReview(before, 3, now, SHANGHAI, id);
    const raw = fromFsrsCard(fsrs().rollback(toFsrsCard(card), toFsrsReviewLog({ id: "r", ...entry })));
    expect(raw.due).toEqual(now); // ts-fsrs puts the review time there
    expect(rollbackReview(card, { id: "r", ...entry }).due).toEqual(before.due);
  });

  it("writes the undo entry: the card before the undo, pointing at the review", () => {
    const before = reviewed(id, [3, 3], T0);
    const { card, entry } = applyReview(before, 1, before.due, SHANGHAI, id);
    const undo = undoReview(card, { id: "rev-1", ...entry }, plus(before.due, 5000));
    expect(undo.card).toEqual(before);
    expect(undo.entry).toMatchObject({
      kind: "undo",
      undoOf: "rev-1",
      rating: 0,
      prevState: card.state,
      prevDue: card.due,
      prevStability: card.stability,
    });
  });

  it("refuses to roll back anything but a review", () => {
    const card = reviewed(id, [3], T0);
    const entry = { id: "u", ...unsuspendEntry(card, T0) };
    expect(() => rollbackReview(card, entry)).toThrow(ScheduleError);
  });
});

describe("replay", () => {
  const id = "rep";

  function script(): { entries: ReviewEntry[]; card: CardState; createdAt: Date } {
    // review ×3, undo of the third, review, reset, review ×2, unsuspend, review.
    const createdAt = T0;
    const entries: ReviewEntry[] = [];
    let card = newCard(createdAt);
    let now = createdAt;
    let n = 0;
    const log = (e: Omit<ReviewEntry, "id">) => {
      const full = { id: `e${n++}`, ...e };
      entries.push(full);
      return full;
    };
    const review = (rating: number) => {
      const r = applyReview(card, rating, now, SHANGHAI, id);
      card = r.card;
      const e = log(r.entry);
      now = new Date(Math.max(card.due.getTime(), now.getTime() + MINUTE));
      return e;
    };
    review(3);
    review(3);
    const third = review(1);
    const u = undoReview(card, third, plus(third.reviewedAt, 3000));
    card = u.card;
    log(u.entry);
    now = plus(third.reviewedAt, DAY);
    review(3);
    const reset = resetCard(card, plus(now, HOUR));
    card = reset.card;
    log(reset.entry);
    now = plus(now, 2 * HOUR);
    review(2);
    review(3);
    log(unsuspendEntry(card, plus(now, -MINUTE)));
    review(3);
    return { entries, card, createdAt };
  }

  it("rebuilds the card of a scripted log (undo, reset, unsuspend)", () => {
    const { entries, card, createdAt } = script();
    expect(entries.map((e) => e.kind)).toEqual([
      "review", "review", "review", "undo", "review", "reset", "review", "review", "unsuspend", "review",
    ]);
    expect(replay(entries, SHANGHAI, id, createdAt)).toEqual(card);
  });

  it("reads entries in (reviewedAt, id) order whatever order they come in", () => {
    const { entries, card, createdAt } = script();
    expect(replay([...entries].reverse(), SHANGHAI, id, createdAt)).toEqual(card);
  });

  it("gives a new card for an empty log, and needs the same card id and settings", () => {
    expect(replay([], SHANGHAI, id, T0)).toEqual(newCard(T0));
    const { entries, card, createdAt } = script();
    expect(replay(entries, SHANGHAI, id, createdAt)).toEqual(card);
    // A mature card: the fuzz (by card id) and the retention both show in its interval.
    const long: ReviewEntry[] = [];
    let mature = newCard(T0);
    for (let i = 0; i < 6; i++) {
      const r = applyReview(mature, 3, new Date(Math.max(mature.due.getTime(), T0.getTime())), SHANGHAI, id);
      long.push({ id: `m${i}`, ...r.entry });
      mature = r.card;
    }
    expect(mature.scheduledDays).toBeGreaterThan(20);
    expect(replay(long, SHANGHAI, id, T0)).toEqual(mature);
    expect(replay(long, SHANGHAI, "another-id", T0)).not.toEqual(mature);
    expect(replay(long, { ...SHANGHAI, desiredRetention: 0.8 }, id, T0)).not.toEqual(mature);
  });

  it("refuses logs that rollback cannot have produced", () => {
    const { entries, createdAt } = script();
    // An undo of a review that is not the latest one in effect.
    const bad = [...entries, { ...entries[3]!, id: "z-undo", undoOf: "e0", reviewedAt: plus(entries[9]!.reviewedAt, MINUTE) }];
    expect(() => replay(bad, SHANGHAI, id, createdAt)).toThrow(ScheduleError);
    // An undo of a review before a reset.
    const acrossReset = [...entries.slice(0, 6), { ...entries[3]!, id: "z", undoOf: "e4", reviewedAt: plus(entries[5]!.reviewedAt, 1) }];
    expect(() => replay(acrossReset, SHANGHAI, id, createdAt)).toThrow(ScheduleError);
    expect(() => replay([{ ...entries[0]!, kind: "delete" }], SHANGHAI, id, createdAt)).toThrow(ScheduleError);
  });

  it("matches step-by-step application over 60 days, 50 cards, 1,000+ reviews with undos and resets", () => {
    // Retention 0.95 keeps intervals short enough for 1,000 reviews of 50 facets in 60 days.
    const settings = { ...SHANGHAI, desiredRetention: 0.95 };
    const sim = simulate("replay-60-days", 50, 60, settings);
    expect(sim.reviews).toBeGreaterThanOrEqual(1000);
    expect(sim.undos).toBeGreaterThan(20);
    expect(sim.resets).toBe(2);
    expect(sim.rollbackMismatches).toBe(0);
    for (const [cardId, { state, createdAt }] of sim.cards) {
      const log = sim.log.get(cardId)!;
      // As loaded from the database: new Date objects, kind as a plain string.
      const loaded: StoredReviewEntry[] = structuredClone(log).map((e) => ({ ...e, kind: String(e.kind) }));
      const rebuilt = replay(loaded, settings, cardId, createdAt);
      expect(sameCard(rebuilt, state), cardId).toBe(true);
      expect(rebuilt).toEqual(state);
    }
    expect(sim.leeches).toBeGreaterThan(0); // lapses reached 8 somewhere
  }, 60_000);
});

describe("previewIntervals", () => {
  it("orders a review card's buttons Again < Hard < Good < Easy and matches applyReview", () => {
    for (const cardId of ["p1", "p2", "p3", "p4", "p5"]) {
      const card = reviewed(cardId, [3, 3, 3], T0);
      const now = plus(card.due, 6 * HOUR);
      const p = previewIntervals(card, now, SHANGHAI, cardId);
      expect(p[1].ms).toBeLessThan(p[2].ms);
      expect(p[2].ms).toBeLessThan(p[3].ms);
      expect(p[3].ms).toBeLessThan(p[4].ms);
      expect(p[1].ms).toBe(10 * MINUTE); // relearning step
      for (const g of [1, 2, 3, 4] as const) {
        expect(p[g].due).toEqual(applyReview(card, g, now, SHANGHAI, cardId).card.due);
        expect(p[g].ms).toBe(p[g].due.getTime() - now.getTime());
      }
    }
  });

  it("shows the learning steps of a new card", () => {
    const p = previewIntervals(newCard(T0), T0, SHANGHAI, "n");
    expect([p[1].ms, p[2].ms, p[3].ms]).toEqual([1 * MINUTE, 6 * MINUTE, 10 * MINUTE]);
    expect(p[4].ms).toBeGreaterThanOrEqual(DAY);
  });
});

describe("formatInterval", () => {
  const cases: [number, string, string][] = [
    [20 * 1000, "<1分钟", "<1 min"],
    [1 * MINUTE, "1分钟", "1 min"],
    [10 * MINUTE, "10分钟", "10 min"],
    [59.7 * MINUTE, "1小时", "1 h"],
    [3 * HOUR, "3小时", "3 h"],
    [23.6 * HOUR, "1天", "1 d"],
    [3 * DAY, "3天", "3 天".replace(" 天", " d")],
    [29 * DAY, "29天", "29 d"],
    [45 * DAY, "1.5个月", "1.5 mo"],
    [60 * DAY, "2个月", "2 mo"],
    [330 * DAY, "11个月", "11 mo"],
    [360 * DAY, "1年", "1 y"],
    [548 * DAY, "1.5年", "1.5 y"],
    [3650 * DAY, "10年", "10 y"],
  ];
  for (const [ms, zh, en] of cases) {
    it(`${ms} ms → ${zh} / ${en}`, () => {
      expect(formatInterval(ms, "zh-CN")).toBe(zh);
      expect(formatInterval(ms, "en")).toBe(en);
    });
  }
});

describe("retrievability", () => {
  it("is 0 for a new card", () => {
    expect(retrievability(newCard(T0), plus(T0, DAY), SHANGHAI)).toBe(0);
  });

  it("follows ts-fsrs's FSRS-6 forgetting curve from the last review", () => {
    const card = reviewed("r", [3, 3, 3], T0);
    expect(retrievability(card, card.lastReview!, SHANGHAI)).toBe(1);
    for (const days of [1, 5, 30, 200]) {
      const r = retrievability(card, plus(card.lastReview!, days * DAY + HOUR), SHANGHAI);
      expect(r).toBeCloseTo(forgetting_curve([...default_w], days, card.stability), 8);
    }
    // Near the desired retention at the due date (the fuzz moves it a little).
    const atDue = retrievability(card, card.due, SHANGHAI);
    expect(atDue).toBeGreaterThan(0.85);
    expect(atDue).toBeLessThan(0.95);
  });
});

describe("insertLateReview", () => {
  const settings = { ...SHANGHAI, desiredRetention: 0.95 };
  const sim = simulate("late-reviews", 12, 40, settings);

  /** replay's lastElapsedDays just before `at`: the latest review in effect, 0 after a reset. */
  function lastElapsedBefore(log: readonly ReviewEntry[], at: Date): number {
    const undone = new Set(log.filter((e) => e.kind === "undo").map((e) => e.undoOf));
    const earlier = log.filter((e) => e.reviewedAt < at && e.kind !== "undo" && e.kind !== "unsuspend" && !undone.has(e.id)).sort(compareEntries);
    const last = earlier.at(-1);
    return last?.kind === "review" ? last.elapsedDays : 0;
  }

  it("gives replay's card, re-applying only the later entries, and keeps their checkpoints true", () => {
    let inserted = 0;
    let refused = 0;
    for (const [cardId, { createdAt }] of sim.cards) {
      let log = [...sim.log.get(cardId)!];
      // Two late reviews per card, each between two entries (the second uses the first's rewritten checkpoints).
      for (const k of [0.6, 0.3]) {
        const i = Math.floor(log.length * k);
        const a = log[i];
        const b = log[i + 1];
        if (!a || !b || b.reviewedAt.getTime() - a.reviewedAt.getTime() < 2) continue;
        const at = new Date(Math.floor((a.reviewedAt.getTime() + b.reviewedAt.getTime()) / 2));
        const later = log.filter((e) => e.reviewedAt > at);
        const plan = insertLateReview(later, 1 + (i % 4), at, lastElapsedBefore(log, at), settings, cardId);
        if (!plan) {
          // Only when an undo after `at` cancels a review before it: replay of such a log throws.
          const withIt = [...log, { id: "zz-late", ...applyReview(newCard(at), 3, at, settings, cardId).entry }];
          expect(() => replay(withIt, settings, cardId, createdAt)).toThrow(ScheduleError);
          refused++;
          continue;
        }
        expect(plan.rewritten.map((r) => r.id)).toEqual([...later].sort(compareEntries).map((e) => e.id));
        const rewrittenById = new Map(plan.rewritten.map((r) => [r.id, r.columns]));
        log = [...log.map((e) => ({ ...e, ...rewrittenById.get(e.id) })), { id: `late-${inserted}`, ...plan.review.entry }];
        expect(plan.card).toEqual(replay(log, settings, cardId, createdAt));
        inserted++;
      }
    }
    expect(inserted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThanOrEqual(0);
  });

  it("needs a checkpoint on the first later entry and later entries after the review", () => {
    const [cardId] = [...sim.cards.keys()];
    const log = sim.log.get(cardId!)!;
    const first = log[0]!;
    const at = plus(first.reviewedAt, -MINUTE);
    expect(insertLateReview([{ ...first, prevReps: null }], 3, at, 0, settings, cardId!)).toBeNull();
    expect(() => insertLateReview([first], 3, first.reviewedAt, 0, settings, cardId!)).toThrow(ScheduleError);
  });
});
