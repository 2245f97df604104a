import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/core/generate/types";
import { retrievability, type CardState } from "./card";
import { dayOfKey } from "./day";
import { buildQueue, factKey, LEARN_AHEAD_MINUTES, pickQuestion, todayCounts, type NewFacet, type QueueCard, type QueueInput } from "./queue";
import { DAY, HOUR, MINUTE, SHANGHAI, at, plus } from "./test-fixtures";

// 10:00 on 2024-06-10 in Shanghai; the learner day runs 2024-06-09T20:00Z – 2024-06-10T20:00Z.
const NOW = at("2024-06-10T02:00:00Z");
const DAY_END = at("2024-06-10T20:00:00Z");

function card(id: string, factId: string, state: number, due: Date, extra: Partial<QueueCard> = {}): QueueCard {
  const base: CardState = {
    due,
    stability: state === 0 ? 0 : 10,
    difficulty: state === 0 ? 0 : 5,
    scheduledDays: state === 2 ? 10 : 0,
    learningSteps: 0,
    reps: state === 0 ? 0 : 3,
    lapses: 0,
    state,
    lastReview: state === 0 ? null : plus(due, -10 * DAY),
  };
  return { ...base, id, pack: "yrd", factId, facet: "date", topic: "历史", suspended: false, lastForm: "mc", ...extra };
}

const facet = (factId: string, f = "date", topic = "历史"): NewFacet => ({ pack: "yrd", factId, facet: f, topic });

function input(partial: Partial<QueueInput>): QueueInput {
  return {
    now: NOW,
    settings: SHANGHAI,
    cards: [],
    newFacets: [],
    today: { newIntroduced: 0, reviewsDone: 0, factIdsReviewed: new Set() },
    ...partial,
  };
}

const ids = (q: { cardId: string | null; factId: string; facet: string }[]) => q.map((e) => e.cardId ?? `new:${e.factId}/${e.facet}`);

describe("buildQueue", () => {
  it("puts learning due now first, then reviews due before the end of the learner's day by due", () => {
    const q = buildQueue(
      input({
        cards: [
          card("rev-late", "f1", 2, plus(DAY_END, -1)), // due tonight, 03:59 tomorrow local
          card("rev-next-day", "f2", 2, DAY_END), // due at the start of tomorrow: not today
          card("rev-overdue", "f3", 2, plus(NOW, -5 * DAY)),
          card("learn-now", "f4", 1, plus(NOW, -1 * MINUTE)),
          card("relearn-now", "f5", 3, NOW),
          card("learn-later", "f6", 1, plus(NOW, 2 * HOUR)),
          card("rev-morning", "f7", 2, plus(NOW, -HOUR)),
        ],
      }),
    );
    expect(ids(q)).toEqual(["learn-now", "relearn-now", "rev-overdue", "rev-morning", "rev-late"]);
    expect(q.map((e) => e.reason)).toEqual(["learning", "learning", "due", "due", "due"]);
    expect(q[0]).toMatchObject({ pack: "yrd", factId: "f4", facet: "date", topic: "历史", lastForm: "mc" });
  });

  it("uses the learner's day, not the process's (a Shanghai day ends at 04:00 local)", () => {
    const cards = [card("a", "f1", 2, at("2024-06-10T19:30:00Z"))]; // 03:30 on 06-11 local: still 06-10's day
    expect(ids(buildQueue(input({ cards })))).toEqual(["a"]);
    // At 03:59 local on 06-11 it is still 06-10's day; at 04:00 a card due 04:30 is today's.
    const lateCard = [card("b", "f1", 2, at("2024-06-10T20:30:00Z"))];
    expect(buildQueue(input({ cards: lateCard, now: at("2024-06-10T19:59:00Z") }))).toEqual([]);
    expect(ids(buildQueue(input({ cards: lateCard, now: at("2024-06-10T20:00:00Z") })))).toEqual(["b"]);
  });

  it("shows a learning card due within the learn-ahead limit at the very end", () => {
    const q = buildQueue(
      input({
        cards: [
          card("soon", "f1", 1, plus(NOW, (LEARN_AHEAD_MINUTES - 1) * MINUTE)),
          card("too-late", "f2", 1, plus(NOW, (LEARN_AHEAD_MINUTES + 1) * MINUTE)),
          card("rev", "f3", 2, NOW),
        ],
        newFacets: [facet("n1")],
      }),
    );
    expect(ids(q)).toEqual(["rev", "new:n1/date", "soon"]);
    expect(q.at(-1)?.reason).toBe("learning");
  });

  it("limits reviews to reviewsPerDay − reviewsDone and new to newPerDay − newIntroduced", () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(`r${i}`, `rf${i}`, 2, plus(NOW, -i * HOUR)));
    const learning = [card("l", "lf", 3, NOW)];
    const newFacets = Array.from({ length: 10 }, (_, i) => facet(`nf${i}`));
    const settings = { ...SHANGHAI, reviewsPerDay: 5, newPerDay: 3 };
    const q = buildQueue(
      input({
        settings,
        cards: [...cards, ...learning],
        newFacets,
        today: { newIntroduced: 1, reviewsDone: 2, factIdsReviewed: new Set() },
      }),
    );
    // Learning steps are not limited; the 3 oldest reviews; 2 new in bank order.
    expect(ids(q)).toEqual(["l", "r9", "r8", "r7", "new:nf0/date", "new:nf1/date"]);
    // Limits already reached (or passed): nothing but learning.
    const spent = buildQueue(
      input({ settings, cards: [...cards, ...learning], newFacets, today: { newIntroduced: 7, reviewsDone: 5, factIdsReviewed: new Set() } }),
    );
    expect(ids(spent)).toEqual(["l"]);
    const zero = buildQueue(input({ settings: { ...SHANGHAI, reviewsPerDay: 0, newPerDay: 0 }, cards, newFacets }));
    expect(zero).toEqual([]);
  });

  it("caps the whole queue at `limit`", () => {
    const cards = Array.from({ length: 5 }, (_, i) => card(`r${i}`, `rf${i}`, 2, plus(NOW, -i * HOUR)));
    const q = buildQueue(input({ cards, newFacets: [facet("n")], limit: 3 }));
    expect(ids(q)).toEqual(["r4", "r3", "r2"]);
    expect(buildQueue(input({ cards, limit: 0 }))).toEqual([]);
  });

  it("skips every facet of a fact reviewed today, except a learning step of it", () => {
    const q = buildQueue(
      input({
        cards: [
          card("due-sibling", "f1", 2, plus(NOW, -HOUR), { facet: "value" }),
          card("learning-f1", "f1", 1, plus(NOW, -MINUTE), { facet: "date" }),
          card("due-other", "f2", 2, plus(NOW, -HOUR)),
        ],
        newFacets: [facet("f3", "items"), facet("f3", "count"), facet("f4")],
        today: { newIntroduced: 0, reviewsDone: 0, factIdsReviewed: new Set([factKey("yrd", "f1"), factKey("yrd", "f3")]) },
      }),
    );
    expect(ids(q)).toEqual(["learning-f1", "due-other", "new:f4/date"]);
  });

  it("never puts two facets of one fact in one queue", () => {
    const q = buildQueue(
      input({
        cards: [
          card("f1-date", "f1", 2, plus(NOW, -2 * HOUR), { facet: "date" }),
          card("f1-where", "f1", 2, plus(NOW, -3 * HOUR), { facet: "where" }),
          card("f2-value", "f2", 2, plus(NOW, -HOUR), { facet: "value" }),
        ],
        newFacets: [facet("f2", "unit"), facet("f3", "items"), facet("f3", "order"), facet("f4")],
      }),
    );
    expect(ids(q)).toEqual(["f1-where", "f2-value", "new:f3/items", "new:f4/date"]);
    const facts = q.map((e) => factKey(e.pack, e.factId));
    expect(new Set(facts).size).toBe(facts.length);
    // Facts are keyed by pack too: the same fact id in another pack is another fact.
    const twoPacks = buildQueue(input({ newFacets: [facet("f9"), { ...facet("f9"), pack: "other" }] }));
    expect(twoPacks).toHaveLength(2);
  });

  it("never shows a suspended card", () => {
    const q = buildQueue(
      input({
        cards: [
          card("s-rev", "f1", 2, plus(NOW, -HOUR), { suspended: true }),
          card("s-learn", "f2", 1, plus(NOW, -HOUR), { suspended: true }),
          card("s-new", "f3", 0, plus(NOW, -HOUR), { suspended: true }),
        ],
        // A suspended facet is not new again either.
        newFacets: [facet("f1"), facet("f4")],
      }),
    );
    expect(ids(q)).toEqual(["new:f4/date"]);
  });

  it("treats a card reset to new as new, before facets without a card", () => {
    const q = buildQueue(input({ cards: [card("reset", "f1", 0, plus(NOW, -DAY))], newFacets: [facet("f2")] }));
    expect(q.map((e) => [e.cardId, e.reason])).toEqual([
      ["reset", "new"],
      [null, "new"],
    ]);
    expect(q[1]).toMatchObject({ cardId: null, due: null, lastForm: null, facet: "date", topic: "历史" });
  });

  describe("exam", () => {
    // Reviewed yesterday, not due for a while; recall on the exam day falls with stability.
    const lastReview = plus(NOW, -DAY);
    const examCard = (id: string, factId: string, stability: number, dueInDays: number) =>
      card(id, factId, 2, plus(NOW, dueInDays * DAY), { stability, lastReview, scheduledDays: dueInDays + 1 });
    const cards = [
      examCard("s20", "f1", 20, 18),
      examCard("s3", "f2", 3, 2),
      examCard("s1000", "f3", 1000, 300),
      examCard("s10", "f4", 10, 8),
      card("due", "f5", 2, plus(NOW, -HOUR)),
    ];
    const examDate = "2024-07-10";
    const examStart = dayOfKey(examDate, SHANGHAI.timeZone, SHANGHAI.dayStartHour).start;

    it("pulls forward reviews that would be below the desired retention at the exam, lowest first", () => {
      const q = buildQueue(input({ settings: { ...SHANGHAI, examDate }, cards, newFacets: [facet("n")] }));
      expect(ids(q)).toEqual(["due", "new:n/date", "s3", "s10", "s20"]);
      const exam = q.filter((e) => e.reason === "exam");
      for (const e of exam) {
        const c = cards.find((x) => x.id === e.cardId)!;
        expect(e.recallAtExam).toBe(retrievability(c, examStart, SHANGHAI));
        expect(e.recallAtExam).toBeLessThan(0.9);
      }
      expect(retrievability(cards[2]!, examStart, SHANGHAI)).toBeGreaterThanOrEqual(0.9); // s1000 stays
      const recalls = exam.map((e) => e.recallAtExam!);
      expect([...recalls].sort((a, b) => a - b)).toEqual(recalls);
    });

    it("counts pulled-forward reviews against the review limit and respects siblings", () => {
      const q = buildQueue(
        input({
          settings: { ...SHANGHAI, examDate, reviewsPerDay: 3 },
          cards,
          today: { newIntroduced: 0, reviewsDone: 0, factIdsReviewed: new Set([factKey("yrd", "f2")]) },
        }),
      );
      expect(ids(q)).toEqual(["due", "s10", "s20"]);
    });

    it("does nothing without an exam date, or when the exam is today or past", () => {
      for (const d of [null, "2024-06-10", "2024-06-01"]) {
        const q = buildQueue(input({ settings: { ...SHANGHAI, examDate: d }, cards }));
        expect(ids(q), String(d)).toEqual(["due"]);
      }
    });

    it("takes 'today' and the exam day from the learner's day start", () => {
      // Weak, reviewed 06-09 10:00 local, due 06-11 10:00 local; the exam is on 06-11.
      const weak = card("weak", "f9", 2, at("2024-06-11T02:00:00Z"), { stability: 0.8, lastReview: at("2024-06-09T02:00:00Z") });
      const settings = { ...SHANGHAI, examDate: "2024-06-11" };
      // 03:00 on 06-11 local is still 06-10's day: the exam is tomorrow, pull it forward.
      const before = buildQueue(input({ now: at("2024-06-10T19:00:00Z"), settings, cards: [weak] }));
      expect(before.map((e) => e.reason)).toEqual(["exam"]);
      // From 04:00 the exam is today and the card is simply due today.
      const after = buildQueue(input({ now: at("2024-06-10T20:00:00Z"), settings, cards: [weak] }));
      expect(after.map((e) => e.reason)).toEqual(["due"]);
    });
  });
});

describe("todayCounts", () => {
  it("counts today's reviews still in effect by the state before them", () => {
    const e = (id: string, prevState: number, factId: string, extra: Record<string, unknown> = {}) => ({
      id,
      kind: "review",
      undoOf: null as string | null,
      prevState,
      dayKey: "2024-06-10",
      pack: "yrd",
      factId,
      ...extra,
    });
    const counts = todayCounts(
      [
        e("1", 0, "a"),
        e("2", 0, "b"),
        e("3", 1, "a"), // a learning step: neither new nor a review
        e("4", 2, "c"),
        e("5", 3, "c"),
        e("6", 2, "d"),
        e("7", 0, "u", { kind: "undo", undoOf: "6" }), // cancels 6
        e("8", 2, "z", { dayKey: "2024-06-09" }),
        e("9", 0, "r", { kind: "reset" }),
      ],
      "2024-06-10",
    );
    expect(counts.newIntroduced).toBe(2);
    expect(counts.reviewsDone).toBe(1);
    expect([...counts.factIdsReviewed].sort()).toEqual(["yrd/a", "yrd/b", "yrd/c"]);
  });
});

describe("pickQuestion", () => {
  const q = (id: string, form: Question["form"]): Question => ({
    id,
    pack: "yrd",
    factId: "f1",
    kind: "event",
    form,
    prompt: id,
    answer: "2018",
    explanation: "",
    section: "历史",
    facet: "date",
    variant: id,
  });
  const bank = [q("a1", "mc"), q("a2", "mc"), q("b1", "tf"), q("c1", "typed"), q("d1", "order")];

  it("never shows the last form again when the facet has another", () => {
    for (const last of ["mc", "tf", "typed", "order"]) {
      for (let i = 0; i < 200; i++) expect(pickQuestion(bank, last, `card/${i}`).form).not.toBe(last);
    }
  });

  it("reaches every other form and question, each form about equally often", () => {
    const forms = new Map<string, number>();
    const picked = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = pickQuestion(bank, null, `s${i}`);
      forms.set(p.form, (forms.get(p.form) ?? 0) + 1);
      picked.add(p.id);
    }
    expect(picked).toEqual(new Set(["a1", "a2", "b1", "c1", "d1"]));
    for (const n of forms.values()) expect(n).toBeGreaterThan(400); // 4 forms × ~500
  });

  it("is deterministic in the seed and the same for any order of the questions", () => {
    for (let i = 0; i < 50; i++) {
      const seed = `card-x/${i}`;
      const p = pickQuestion(bank, "tf", seed);
      expect(pickQuestion(bank, "tf", seed)).toBe(p);
      expect(pickQuestion([...bank].reverse(), "tf", seed).id).toBe(p.id);
    }
  });

  it("repeats the only form there is, and refuses an empty facet", () => {
    const one = [q("a1", "mc"), q("a2", "mc")];
    expect(pickQuestion(one, "mc", "s").form).toBe("mc");
    expect(pickQuestion([q("x", "tf")], "tf", "s").id).toBe("x");
    expect(() => pickQuestion([], null, "s")).toThrow(RangeError);
  });
});
