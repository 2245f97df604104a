import { afterAll, describe, expect, it } from "vitest";
import type { Question } from "@/lib/core/generate";
import { applyReview, countReview, LEECH_LAPSES, newCard, replay, STATE_NEW, STATE_RELEARNING, STATE_REVIEW, type CardState } from "@/lib/core/schedule";
import { createUser } from "@/lib/features/account/mutations";
import { topicOf } from "@/lib/features/decks/data";
import { answerText } from "@/lib/features/practice/data";
import { cardState, getSettings, getStudyItem, getStudyQueue, getStudyStats, getTodayCounts, lastEffectiveReview, listLeeches } from "@/lib/features/study/data";
import { facetKey, getFacetIndex } from "@/lib/features/study/facets";
import {
  importGuestReviews,
  overrideReview,
  recordReview,
  resetCardForUser,
  saveSettings,
  undoLastReview,
  unsuspendCard,
} from "@/lib/features/study/mutations";
import type { UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import { AppError } from "@/lib/server/errors";
import { testDb, unique } from "./db";
import {
  at,
  bankQuestion,
  cardOf,
  cid,
  DAY,
  expectMatchesReplay,
  HOUR,
  logOf,
  makeUser,
  MINUTE,
  plus,
  prng,
  questionsOfDistinctFacts,
  rightAnswer,
  settingsInput,
  wrongAnswer,
} from "./study-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

// 10:00 in Shanghai (the default learner zone), learner day 2026-03-02 (days start at 04:00).
const T0 = at("2026-03-02T02:00:00Z");

const typed = (q: Question) => q.form === "typed";
/** The fact of a study item key `${pack}/${factId}/${facet}`. */
const factOfKey = (key: string) => key.slice(0, key.lastIndexOf("/"));

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** Reviews a question with a self-grade (flashcard) at `now`. */
function grade(userId: UserId, q: Question, rating: 1 | 2 | 3 | 4, now: Date, clientId = cid()) {
  return recordReview(db, userId, { clientId, questionId: q.id, rating, durationMs: 1000 }, now);
}

/** Reviews a question with a typed/picked answer at `now`. */
function answer(userId: UserId, q: Question, right: boolean, now: Date, clientId = cid()) {
  return recordReview(db, userId, { clientId, questionId: q.id, response: right ? rightAnswer(q) : wrongAnswer(q), durationMs: 1000 }, now);
}

describe(`study data layer on ${db.$engine}`, () => {
  it("1. grades a review, creates the card at its first review and appends one log entry", async () => {
    const user = await makeUser(db);
    const [qRight, qWrong, qFlash] = questionsOfDistinctFacts(3, typed);
    if (!qRight || !qWrong || !qFlash) throw new Error("bank");

    const right = await recordReview(db, user, { clientId: cid(), questionId: qRight.id, response: qRight.answer, durationMs: 4200 }, T0);
    expect(right).toMatchObject({ rating: 3, correct: true, partial: false, duplicate: false, leech: false, expected: answerText(qRight) });
    expect(new Date(right.due).getTime()).toBeGreaterThan(T0.getTime());

    const card = await cardOf(db, user, qRight);
    expect(card.createdAt).toEqual(T0);
    expect(card.lastReview).toEqual(T0);
    expect(card.due.toISOString()).toBe(right.due);
    expect(card).toMatchObject({ reps: 1, lapses: 0, lastForm: "typed", topic: topicOf(qRight.section), suspended: false, leech: false });
    expect(card.state).not.toBe(STATE_NEW);
    const [entry, ...more] = await logOf(db, card.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      userId: user,
      kind: "review",
      undoOf: null,
      questionId: qRight.id,
      form: "typed",
      rating: 3,
      correct: true,
      response: JSON.stringify(qRight.answer),
      durationMs: 4200,
      dayKey: "2026-03-02",
      prevState: STATE_NEW,
      prevDue: T0,
      prevLastReview: null,
      resultDue: card.due,
    });
    expect(entry?.reviewedAt).toEqual(T0);
    await expectMatchesReplay(db, card.id);

    const wrong = await answer(user, qWrong, false, plus(T0, MINUTE));
    expect(wrong).toMatchObject({ rating: 1, correct: false, duplicate: false });
    const wrongCard = await cardOf(db, user, qWrong);
    expect(wrongCard.createdAt).toEqual(plus(T0, MINUTE));
    expect(await logOf(db, wrongCard.id)).toMatchObject([{ rating: 1, correct: false }]);

    // A second review of the same facet appends; the card keeps its creation time.
    await answer(user, qRight, false, plus(T0, 15 * MINUTE));
    const again = await cardOf(db, user, qRight);
    expect(again.createdAt).toEqual(T0);
    expect(again.reps).toBe(2);
    expect(await logOf(db, card.id)).toHaveLength(2);
    await expectMatchesReplay(db, card.id);

    const flash = await grade(user, qFlash, 4, plus(T0, 2 * MINUTE));
    expect(flash).toMatchObject({ rating: 4, correct: null, partial: false });
    const flashCard = await cardOf(db, user, qFlash);
    expect(flashCard.state).toBe(STATE_REVIEW);
    expect(await logOf(db, flashCard.id)).toMatchObject([{ rating: 4, correct: null, response: null }]);

    // Neither an answer nor a self-grade; an unknown question. Nothing is stored.
    const before = await db.reviewLog.count({ where: { userId: user } });
    const [qNone] = questionsOfDistinctFacts(1, typed, 3);
    if (!qNone) throw new Error("bank");
    await expectAppError(recordReview(db, user, { clientId: cid(), questionId: qNone.id, durationMs: 0 }, T0), "INVALID_INPUT");
    await expectAppError(recordReview(db, user, { clientId: cid(), questionId: "0123456789abcdef", rating: 3, durationMs: 0 }, T0), "NOT_FOUND");
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(before);
    expect(await db.card.count({ where: { userId: user, factId: qNone.factId, facet: qNone.facet } })).toBe(0);
  });

  it("2. stores a review sent twice once, sequentially and concurrently, with the same answer", async () => {
    const user = await makeUser(db);
    const [q1, q2] = questionsOfDistinctFacts(2);
    if (!q1 || !q2) throw new Error("bank");

    const input = { clientId: cid(), questionId: q1.id, response: rightAnswer(q1), durationMs: 800 };
    const first = await recordReview(db, user, input, T0);
    const repeat = await recordReview(db, user, input, plus(T0, 3 * MINUTE));
    expect(first.duplicate).toBe(false);
    expect(repeat.duplicate).toBe(true);
    expect({ ...repeat, duplicate: false }).toEqual(first);
    const card1 = await cardOf(db, user, q1);
    expect(card1.reps).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user, clientId: input.clientId } })).toBe(1);

    const twin = { clientId: cid(), questionId: q2.id, response: wrongAnswer(q2), durationMs: 800 };
    const results = await Promise.all(Array.from({ length: 5 }, () => recordReview(db, user, twin, plus(T0, 5 * MINUTE))));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    for (const r of results) {
      expect(r.rating).toBe(1);
      expect(r.correct).toBe(false);
      expect(r.due).toBe(results[0]?.due);
    }
    const card2 = await cardOf(db, user, q2);
    expect(card2.reps).toBe(1);
    expect(card2.due.toISOString()).toBe(results[0]?.due);
    expect(await db.reviewLog.count({ where: { userId: user, clientId: twin.clientId } })).toBe(1);
    expect(await db.card.count({ where: { userId: user } })).toBe(2);
    await expectMatchesReplay(db, card2.id);
  });

  it("3. applies concurrent reviews of one facet each exactly once", async () => {
    const user = await makeUser(db);
    const [seed] = questionsOfDistinctFacts(1);
    if (!seed) throw new Error("bank");
    const facetQuestions = getBank().questions.filter((q) => facetKey(q) === facetKey(seed));

    // Ten reviews at the same instant, then ten made at different times arriving in random order.
    const sameTime = Array.from({ length: 10 }, (_, i) => {
      const q = facetQuestions[i % facetQuestions.length] ?? seed;
      return answer(user, q, i % 3 !== 0, T0);
    });
    const results = await Promise.all(sameTime);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const card = await cardOf(db, user, seed);
    expect(card.reps).toBe(10);
    expect(await db.reviewLog.count({ where: { cardId: card.id, kind: "review" } })).toBe(10);
    await expectMatchesReplay(db, card.id);

    const base = plus(T0, DAY);
    const order = [3, 7, 0, 9, 5, 1, 8, 2, 6, 4];
    await Promise.all(
      order.map((i) => {
        const q = facetQuestions[i % facetQuestions.length] ?? seed;
        const reviewedAt = plus(base, i * MINUTE);
        return recordReview(
          db,
          user,
          { clientId: cid(), questionId: q.id, response: i % 4 === 0 ? wrongAnswer(q) : rightAnswer(q), durationMs: 0, reviewedAt },
          plus(base, HOUR),
        );
      }),
    );
    const after = await cardOf(db, user, seed);
    expect(after.reps).toBe(20);
    expect(after.lastReview).toEqual(plus(base, 9 * MINUTE));
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(20);
    await expectMatchesReplay(db, card.id);
  });

  it("4. undo restores the exact previous card, is logged, idempotent, and walks back", async () => {
    const user = await makeUser(db);
    const [qa, qb] = questionsOfDistinctFacts(2, () => true, 5);
    if (!qa || !qb) throw new Error("bank");
    const snapshot = async (q: Question): Promise<CardState> => cardState(await cardOf(db, user, q));

    await grade(user, qa, 3, T0);
    const a1 = await snapshot(qa);
    await grade(user, qb, 1, plus(T0, MINUTE));
    const b1 = await snapshot(qb);
    await grade(user, qa, 3, plus(T0, 12 * MINUTE));
    const a2 = await snapshot(qa);
    const cardA = await cardOf(db, user, qa);
    const cardB = await cardOf(db, user, qb);
    expect(a2).not.toEqual(a1);
    expect((await getStudyQueue(db, user, {}, plus(T0, 13 * MINUTE), "zh-CN")).canUndo).toBe(true);

    const undo1 = cid("undo");
    const undone = await undoLastReview(db, user, undo1);
    expect(undone).toMatchObject({ pack: qa.pack, factId: qa.factId, facet: qa.facet });
    expect(await snapshot(qa)).toStrictEqual(a1);
    const logA = await logOf(db, cardA.id);
    expect(logA.map((e) => e.kind)).toEqual(["review", "review", "undo"]);
    expect(logA[2]?.undoOf).toBe(logA[1]?.id);
    await expectMatchesReplay(db, cardA.id);

    // The same undo again changes nothing.
    const repeated = await undoLastReview(db, user, undo1);
    expect(repeated).toMatchObject({ id: cardA.id });
    expect(await snapshot(qa)).toStrictEqual(a1);
    expect(await snapshot(qb)).toStrictEqual(b1);
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(4);

    // Two more undos walk back B's review, then A's first: both cards are new again.
    await undoLastReview(db, user, cid("undo"));
    expect(await snapshot(qb)).toStrictEqual(newCard(cardB.createdAt));
    expect(await snapshot(qa)).toStrictEqual(a1);
    await undoLastReview(db, user, cid("undo"));
    expect(await snapshot(qa)).toStrictEqual(newCard(cardA.createdAt));
    await expectMatchesReplay(db, cardA.id);
    await expectMatchesReplay(db, cardB.id);

    expect(await lastEffectiveReview(db, user)).toBeNull();
    expect(await undoLastReview(db, user, cid("undo"))).toBeNull();
    expect((await getStudyQueue(db, user, {}, plus(T0, 17 * MINUTE), "zh-CN")).canUndo).toBe(false);
    // The log is never shortened: 3 reviews and 3 undos.
    expect(await db.reviewLog.count({ where: { userId: user, kind: "review" } })).toBe(3);
    expect(await db.reviewLog.count({ where: { userId: user, kind: "undo" } })).toBe(3);
  });

  it('5. "I was right" turns a wrong typed answer into Good, and a repeat is harmless', async () => {
    const user = await makeUser(db);
    const settings = await getSettings(db, user);
    const [q] = questionsOfDistinctFacts(1, typed, 8);
    if (!q) throw new Error("bank");

    // A card in the Review state; the wrong answer would be a lapse.
    await grade(user, q, 4, T0);
    const card = await cardOf(db, user, q);
    const before = cardState(card);
    expect(before.state).toBe(STATE_REVIEW);
    const t1 = plus(T0, 5 * DAY);
    const reviewId = cid("rev");
    const wrong = await answer(user, q, false, t1, reviewId);
    expect(wrong).toMatchObject({ rating: 1, correct: false });
    expect((await cardOf(db, user, q)).lapses).toBe(1);

    const t2 = plus(t1, 20_000);
    const fixed = await overrideReview(db, user, reviewId, t2);
    expect(fixed).toMatchObject({ rating: 3, correct: true, partial: false });
    const expected = applyReview(before, 3, t2, settings, card.id).card;
    const after = cardState(await cardOf(db, user, q));
    expect(after).toStrictEqual(expected);
    expect(after.lapses).toBe(0);
    expect(after.state).toBe(STATE_REVIEW);
    expect(fixed.due).toBe(expected.due.toISOString());
    const log = await logOf(db, card.id);
    expect(log.map((e) => [e.kind, e.rating, e.correct])).toEqual([
      ["review", 4, null],
      ["review", 1, false],
      ["undo", 0, null],
      ["review", 3, true],
    ]);
    expect(log[3]?.response).toBe(log[1]?.response);
    await expectMatchesReplay(db, card.id);

    const again = await overrideReview(db, user, reviewId, plus(t2, MINUTE));
    expect(again).toMatchObject({ rating: 3, correct: true, due: fixed.due, duplicate: true });
    expect(await logOf(db, card.id)).toHaveLength(4);
    expect(cardState(await cardOf(db, user, q))).toStrictEqual(expected);

    // Only a typed answer graded wrong can be overridden.
    const okId = cid("rev");
    await answer(user, q, true, plus(t2, HOUR), okId);
    await expectAppError(overrideReview(db, user, okId, plus(t2, HOUR)), "CONFLICT");
    await expectAppError(overrideReview(db, user, cid("nope"), plus(t2, HOUR)), "NOT_FOUND");
  });

  it("6. suspends a leech at 8 lapses; unsuspend and reset are logged", async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1, () => true, 12);
    if (!q) throw new Error("bank");

    let now = T0;
    await grade(user, q, 4, now);
    const card = await cardOf(db, user, q);
    let lastOutcome = null;
    let leechClientId = "";
    for (let lapse = 1; lapse <= LEECH_LAPSES; lapse++) {
      now = plus(now, DAY);
      // Back to Review after the previous lapse (Good through the relearning step).
      for (let guard = 0; (await cardOf(db, user, q)).state !== STATE_REVIEW; guard++) {
        expect(guard).toBeLessThan(5);
        now = plus(now, 15 * MINUTE);
        await grade(user, q, 3, now);
      }
      now = plus(now, HOUR);
      leechClientId = cid("lapse");
      lastOutcome = await grade(user, q, 1, now, leechClientId);
      const c = await cardOf(db, user, q);
      expect(c.lapses).toBe(lapse);
      expect(c.state).toBe(STATE_RELEARNING);
      expect(c.suspended).toBe(lapse === LEECH_LAPSES);
      expect(lastOutcome.leech).toBe(lapse === LEECH_LAPSES);
      // Relearning in ten minutes, so counted as learning; unless suspended, which leaves the queue.
      expect(lastOutcome.learningAgain).toBe(lapse !== LEECH_LAPSES);
    }
    let leech = await cardOf(db, user, q);
    expect(leech).toMatchObject({ suspended: true, leech: true, lapses: 8 });
    expect(await listLeeches(db, user)).toEqual([
      { id: card.id, pack: q.pack, factId: q.factId, facet: q.facet, topic: card.topic, lapses: 8, suspended: true, leech: true },
    ]);
    await expectMatchesReplay(db, card.id);

    // A suspended card takes no review, and is not in the queue; a repeat of the review that
    // suspended it is answered with that review's result.
    await expectAppError(grade(user, q, 3, plus(now, HOUR)), "CONFLICT");
    expect(await grade(user, q, 1, now, leechClientId)).toEqual({ ...lastOutcome, duplicate: true });
    const queue = await getStudyQueue(db, user, { pack: q.pack }, plus(now, HOUR), "zh-CN");
    expect(queue.items.map((i) => i.key)).not.toContain(facetKey(q));

    // Undoing the review that made it a leech lifts the flag; doing it again flags it again.
    await undoLastReview(db, user, cid("undo"));
    expect(await cardOf(db, user, q)).toMatchObject({ suspended: false, leech: false, lapses: 7 });
    now = plus(now, 2 * MINUTE);
    expect((await grade(user, q, 1, now)).leech).toBe(true);
    leech = await cardOf(db, user, q);
    expect(leech).toMatchObject({ suspended: true, leech: true, lapses: 8 });
    await expectMatchesReplay(db, card.id);

    now = plus(now, HOUR);
    await unsuspendCard(db, user, card.id, now);
    const unsuspended = await cardOf(db, user, q);
    expect(unsuspended).toMatchObject({ suspended: false, leech: false });
    expect(cardState(unsuspended)).toStrictEqual(cardState(leech));
    expect(await listLeeches(db, user)).toEqual([]);
    const reviewed = await grade(user, q, 3, plus(now, MINUTE));
    expect(reviewed.duplicate).toBe(false);
    await expectMatchesReplay(db, card.id);

    now = plus(now, HOUR);
    await resetCardForUser(db, user, card.id, now);
    const reset = await cardOf(db, user, q);
    expect(reset).toMatchObject({ state: STATE_NEW, reps: 0, lapses: 0, suspended: false, leech: false, stability: 0, difficulty: 0 });
    expect(reset.due).toEqual(now);
    const kinds = (await logOf(db, card.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "unsuspend")).toHaveLength(1);
    expect(kinds.at(-1)).toBe("reset");
    await expectMatchesReplay(db, card.id);

    // Reset to new, the facet is offered as new again.
    const next = await getStudyItem(db, user, q, plus(now, MINUTE), "zh-CN");
    expect(next?.reason).toBe("new");
  });

  it("7. new-card limits per learner day, siblings, and the learner's day boundary", async () => {
    const user = await makeUser(db);
    await saveSettings(db, user, settingsInput({ newPerDay: 3 }));
    const queueAt = (now: Date, id: UserId = user) => getStudyQueue(db, id, {}, now, "zh-CN");

    const first = await queueAt(T0);
    expect(first.counts).toEqual({ learning: 0, due: 0, new: 3 });
    expect(first.items.map((i) => i.reason)).toEqual(["new", "new", "new"]);
    const facts = first.items.map((i) => factOfKey(i.key));
    expect(new Set(facts).size).toBe(3);
    // Bank order, one facet per fact.
    const index = getFacetIndex();
    const firstFacts = [...new Set(index.facets.map((f) => `${f.pack}/${f.factId}`))].slice(0, 3);
    expect(facts).toEqual(firstFacts);

    let now = T0;
    for (const item of first.items) {
      now = plus(now, 30_000);
      await answer(user, bankQuestion(item.question.id), true, now);
    }
    const later = await queueAt(plus(now, MINUTE));
    expect(later.counts.new).toBe(0);
    expect(later.items.every((i) => i.reason === "learning")).toBe(true);
    // The home page's counts are the queue's.
    expect((await getTodayCounts(db, user, plus(now, MINUTE))).counts).toEqual(later.counts);
    // Still learner day 2026-03-02 at 03:59 in Shanghai; a new day at 04:00.
    expect((await queueAt(at("2026-03-02T19:59:00Z"))).counts.new).toBe(0);
    expect((await queueAt(at("2026-03-02T20:00:00Z"))).counts.new).toBe(3);

    // With the day starting at midnight, 00:30 in Shanghai is already the next day.
    await saveSettings(db, user, settingsInput({ newPerDay: 3, dayStartHour: 0 }));
    expect((await queueAt(at("2026-03-02T15:59:00Z"))).counts.new).toBe(0);
    expect((await queueAt(at("2026-03-02T16:30:00Z"))).counts.new).toBe(3);

    // Another zone: New York, days starting at 06:00, across the DST change of 2026-03-08.
    const ny = await makeUser(db);
    await saveSettings(db, ny, settingsInput({ newPerDay: 3, timeZone: "america/new_york", dayStartHour: 6 }));
    expect((await getSettings(db, ny)).timeZone).toBe("America/New_York");
    const saturday = at("2026-03-07T17:00:00Z"); // 12:00 EST, learner day 2026-03-07
    for (const item of (await queueAt(saturday, ny)).items) {
      await answer(ny, bankQuestion(item.question.id), false, saturday);
    }
    expect((await queueAt(at("2026-03-08T09:59:00Z"), ny)).counts.new).toBe(0); // 05:59 EDT
    expect((await queueAt(at("2026-03-08T10:00:00Z"), ny)).counts.new).toBe(3); // 06:00 EDT
    expect(await db.reviewLog.findMany({ where: { userId: ny }, select: { dayKey: true } })).toEqual([
      { dayKey: "2026-03-07" },
      { dayKey: "2026-03-07" },
      { dayKey: "2026-03-07" },
    ]);
  });

  it("7c. a review says whether the card is back among today's learning steps, as the next queue counts it", async () => {
    const user = await makeUser(db);
    const [qAgain, qEasy] = questionsOfDistinctFacts(2);
    if (!qAgain || !qEasy) throw new Error("bank");
    const countsAt = async (now: Date) => (await getStudyQueue(db, user, {}, now, "zh-CN")).counts;
    const before = await countsAt(T0);

    const again = await grade(user, qAgain, 1, T0);
    expect(again.learningAgain).toBe(true);
    const easy = await grade(user, qEasy, 4, plus(T0, 10_000));
    expect(easy.learningAgain).toBe(false);
    const now = plus(T0, 20_000);
    expect(await countsAt(now)).toEqual(countReview(countReview(before, "new", true), "new", false));
    // A repeat answers as the card is now.
    expect((await grade(user, qAgain, 1, now, again.clientId)).learningAgain).toBe(true);

    // Undone, a learning card comes back as learning (what the session counts it as).
    const step = await grade(user, qAgain, 3, plus(now, 2 * MINUTE));
    expect(step.learningAgain).toBe(true);
    await undoLastReview(db, user, cid("undo"));
    expect((await getStudyItem(db, user, qAgain, plus(now, 3 * MINUTE), "zh-CN"))?.reason).toBe("learning");
  });

  it("7b. a fact reviewed today offers none of its other facets until the next learner day", async () => {
    const user = await makeUser(db);
    const index = getFacetIndex();
    const facetsOf = new Map<string, string[]>();
    for (const f of index.facets) {
      const key = `${f.pack}/${f.factId}`;
      facetsOf.set(key, [...(facetsOf.get(key) ?? []), f.facet]);
    }
    const [fact, facets] = [...facetsOf].find(([, list]) => list.length >= 2) ?? [];
    if (!fact || !facets) throw new Error("the bank has no fact with two facets");
    const [firstFacet, secondFacet] = facets;
    const [pack, factId] = [fact.slice(0, fact.indexOf("/")), fact.slice(fact.indexOf("/") + 1)];
    const q = getBank().questions.find((x) => x.pack === pack && x.factId === factId && x.facet === firstFacet);
    if (!q || !secondFacet) throw new Error("bank");

    const fresh = await getStudyQueue(db, user, { pack }, T0, "zh-CN");
    expect(fresh.items.map((i) => i.key)).toContain(`${fact}/${firstFacet}`);

    // Easy: the card goes to Review, not due again today.
    await grade(user, q, 4, T0);
    expect((await cardOf(db, user, q)).state).toBe(STATE_REVIEW);
    const today = await getStudyQueue(db, user, { pack }, plus(T0, MINUTE), "zh-CN");
    expect(today.items.length).toBeGreaterThan(0);
    expect(today.items.filter((i) => factOfKey(i.key) === fact)).toEqual([]);
    // Every fact has at most one facet in the queue.
    const shown = today.items.map((i) => factOfKey(i.key));
    expect(new Set(shown).size).toBe(shown.length);

    const tomorrow = await getStudyQueue(db, user, { pack }, plus(T0, DAY), "zh-CN");
    expect(tomorrow.items.filter((i) => factOfKey(i.key) === fact)).toMatchObject([{ key: `${fact}/${secondFacet}`, reason: "new" }]);
  });

  it("8. an offline review older than the card's last one is inserted in time order", async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1, () => true, 20);
    if (!q) throw new Error("bank");
    await grade(user, q, 3, T0);
    await grade(user, q, 3, plus(T0, 20 * MINUTE));
    await grade(user, q, 3, plus(T0, 2 * DAY));
    const card = await cardOf(db, user, q);

    const offlineAt = plus(T0, DAY);
    const outcome = await recordReview(
      db,
      user,
      { clientId: cid("off"), questionId: q.id, response: wrongAnswer(q), durationMs: 0, reviewedAt: offlineAt.toISOString() },
      plus(T0, 2 * DAY + HOUR),
    );
    expect(outcome).toMatchObject({ rating: 1, duplicate: false });
    const after = await cardOf(db, user, q);
    expect(after.reps).toBe(4);
    expect(after.lastReview).toEqual(plus(T0, 2 * DAY));
    const stored = await expectMatchesReplay(db, card.id);
    expect(outcome.due).toBe(stored.due.toISOString());
    const entry = await db.reviewLog.findFirstOrThrow({ where: { cardId: card.id, reviewedAt: offlineAt } });
    // Scheduled on the card as it was then, and counted on the learner day it was made.
    expect(entry).toMatchObject({ prevLastReview: plus(T0, 20 * MINUTE), dayKey: "2026-03-03" });

    // Older than the card itself: still replayable (the card keeps its creation time).
    await recordReview(
      db,
      user,
      { clientId: cid("off"), questionId: q.id, rating: 2, durationMs: 0, reviewedAt: plus(T0, -HOUR) },
      plus(T0, 2 * DAY + 2 * HOUR),
    );
    expect((await cardOf(db, user, q)).reps).toBe(5);
    await expectMatchesReplay(db, card.id);

    // A later review, then its undo: the card's prev* columns are stale after the out-of-order
    // inserts, so the undo rebuilds the card from the log.
    const beforeLatest = cardState(await cardOf(db, user, q));
    await grade(user, q, 3, plus(T0, 3 * DAY));
    await undoLastReview(db, user, cid("undo"));
    expect(cardState(await cardOf(db, user, q))).toStrictEqual(beforeLatest);
    await expectMatchesReplay(db, card.id);
  });

  it("8b. late offline reviews around a reset or an undo, and a client clock ahead, keep card = replay(log)", async () => {
    const user = await makeUser(db);
    const [qa, qb, qc] = questionsOfDistinctFacts(3, typed, 24);
    if (!qa || !qb || !qc) throw new Error("bank");
    const late = (q: Question, rating: 1 | 2 | 3 | 4, reviewedAt: Date, now: Date) =>
      recordReview(db, user, { clientId: cid("off"), questionId: q.id, rating, durationMs: 0, reviewedAt: reviewedAt.toISOString() }, now);

    // Made offline an hour after the last review, arriving after the card was reset a day later:
    // the reset comes after it in time, so the card stays reset.
    await grade(user, qa, 4, T0);
    const cardA = await cardOf(db, user, qa);
    await resetCardForUser(db, user, cardA.id, plus(T0, DAY));
    await late(qa, 1, plus(T0, HOUR), plus(T0, DAY + HOUR));
    expect(await cardOf(db, user, qa)).toMatchObject({ state: STATE_NEW, reps: 0 });
    await expectMatchesReplay(db, cardA.id);

    // Reviews at t1 and t2, the second undone at t3; a review made offline between t2 and t3
    // arrives later. The undo cancels the review at t2, so the card is t1 + the offline review.
    const t1 = T0;
    const t2 = plus(T0, 20 * MINUTE);
    await grade(user, qb, 3, t1);
    const cardB = await cardOf(db, user, qb);
    await grade(user, qb, 3, t2);
    await undoLastReview(db, user, cid("undo"));
    await late(qb, 2, plus(t2, 5 * MINUTE), plus(t2, HOUR));
    expect((await cardOf(db, user, qb)).reps).toBe(2);
    await expectMatchesReplay(db, cardB.id);

    // A client clock 3 minutes ahead (within the tolerated skew), then undo and "I was right" at
    // server time: both must still replay.
    const server = plus(T0, 2 * DAY);
    await grade(user, qc, 4, plus(server, -DAY));
    const cardC = await cardOf(db, user, qc);
    await recordReview(db, user, { clientId: cid(), questionId: qc.id, rating: 3, durationMs: 0, reviewedAt: plus(server, 3 * MINUTE) }, server);
    await undoLastReview(db, user, cid("undo"));
    await expectMatchesReplay(db, cardC.id);
    const wrongId = cid("rev");
    await recordReview(
      db,
      user,
      { clientId: wrongId, questionId: qc.id, response: wrongAnswer(qc), durationMs: 0, reviewedAt: plus(server, 5 * MINUTE) },
      plus(server, 2 * MINUTE),
    );
    await overrideReview(db, user, wrongId, plus(server, 3 * MINUTE));
    const c = await cardOf(db, user, qc);
    expect(c.lapses).toBe(0);
    expect(c.state).toBe(STATE_REVIEW);
    await expectMatchesReplay(db, cardC.id);
  });

  it("9. acceptance: 1,000 scripted reviews over 60 days, every card equals the replay of its log", { timeout: 180_000 }, async () => {
    const user = await makeUser(db);
    await saveSettings(db, user, settingsInput({ newPerDay: 8, reviewsPerDay: 100, desiredRetention: 0.88 }));
    const settings = await getSettings(db, user);
    const rnd = prng(20260302);
    const TOTAL = 1000;
    const DAYS = 60;
    let reviews = 0;
    let undos = 0;
    let overrides = 0;
    let duplicates = 0;
    let queueCalls = 0;
    const misgraded: string[] = [];
    // 08:30 in Shanghai on 2026-03-02.
    const start = at("2026-03-02T00:30:00Z");

    const startedAt = Date.now();
    let queueMs = 0;
    for (let day = 0; day < DAYS && reviews < TOTAL; day++) {
      const quota = Math.ceil((TOTAL - reviews) / (DAYS - day));
      let done = 0;
      let now = plus(start, day * DAY + rnd.int(90) * MINUTE);
      for (let session = 0; session < 3 && done < quota; session++) {
        // Sessions a few hours apart, all before the day ends at 04:00 the next morning.
        if (session > 0) now = plus(now, 3 * HOUR + rnd.int(60) * MINUTE);
        while (done < quota) {
          const qStart = Date.now();
          const queue = await getStudyQueue(db, user, {}, now, rnd.chance(0.5) ? "zh-CN" : "en");
          queueMs += Date.now() - qStart;
          queueCalls++;
          if (queue.items.length === 0) break;
          for (const item of queue.items) {
            if (done >= quota) break;
            const q = bankQuestion(item.question.id);
            expect(facetKey(q)).toBe(item.key);
            const right = rnd.chance(0.85);
            const clientId = cid("sim");
            const flashcard = rnd.chance(0.15);
            const outcome = flashcard
              ? await grade(user, q, right ? ((2 + rnd.int(3)) as 2 | 3 | 4) : 1, now, clientId)
              : await answer(user, q, right, now, clientId);
            reviews++;
            done++;
            if (!flashcard && outcome.correct !== right) misgraded.push(`${q.id} (${q.form}) right=${right}`);
            if (rnd.chance(0.02)) {
              // The network retried the request.
              const again = flashcard ? await grade(user, q, outcome.rating, now, clientId) : await answer(user, q, right, now, clientId);
              expect(again).toMatchObject({ duplicate: true, due: outcome.due, rating: outcome.rating });
              duplicates++;
            }
            now = plus(now, (8 + rnd.int(40)) * 1000);
            if (!flashcard && !right && q.form === "typed" && rnd.chance(0.2)) {
              await overrideReview(db, user, clientId, now);
              overrides++;
              now = plus(now, 5000);
            } else if (rnd.chance(0.015)) {
              expect(await undoLastReview(db, user, cid("undo"))).not.toBeNull();
              undos++;
              now = plus(now, 5000);
            }
          }
        }
      }
    }

    expect(reviews).toBe(TOTAL);
    expect(misgraded).toEqual([]);
    expect(undos).toBeGreaterThan(3);
    expect(await db.reviewLog.count({ where: { userId: user, kind: "review" } })).toBe(TOTAL + overrides);
    expect(await db.reviewLog.count({ where: { userId: user, kind: "undo" } })).toBe(undos + overrides);

    const cards = await db.card.findMany({ where: { userId: user } });
    const logs = await db.reviewLog.findMany({ where: { userId: user } });
    expect(cards.length).toBeGreaterThan(50);
    const undone = new Set(logs.filter((e) => e.kind === "undo").map((e) => e.undoOf));
    let reviewStates = 0;
    for (const card of cards) {
      const log = logs.filter((e) => e.cardId === card.id);
      const stored = cardState(card);
      expect(stored, `card ${card.id} (${facetKey(card)})`).toStrictEqual(replay(log, settings, card.id, card.createdAt));
      expect(stored.reps).toBe(log.filter((e) => e.kind === "review" && !undone.has(e.id)).length);
      if (stored.state === STATE_REVIEW) reviewStates++;
    }
    expect(reviewStates).toBeGreaterThan(20);
    console.info(
      `[${db.$engine}] ${reviews} reviews, ${undos} undos, ${overrides} overrides, ${duplicates} retries, ${cards.length} cards, ` +
        `${queueCalls} queue calls (${queueMs} ms), ${Date.now() - startedAt} ms in all`,
    );
  });

  it("10. statistics: reviews per day, true retention, streak, exam outlook", async () => {
    const user = await makeUser(db);
    const [qa, qb] = questionsOfDistinctFacts(2, () => true, 30);
    if (!qa || !qb) throw new Error("bank");
    await grade(user, qa, 4, at("2026-03-02T02:00:00Z")); // day 03-02, new -> Review
    await grade(user, qa, 3, at("2026-03-03T02:00:00Z")); // day 03-03, Review passed
    await grade(user, qa, 1, at("2026-03-05T02:00:00Z")); // day 03-05, Review failed
    await grade(user, qb, 3, at("2026-03-05T03:00:00Z")); // day 03-05, undone below
    await undoLastReview(db, user, cid("undo"));
    await grade(user, qb, 4, at("2026-03-06T19:30:00Z")); // 03:30 on 03-07 in Shanghai: day 03-06

    const now = at("2026-03-06T20:30:00Z"); // 04:30 on 03-07: today is 03-07, nothing yet
    const stats = await getStudyStats(db, user, now);
    expect(stats.today).toBe("2026-03-07");
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay[0]?.day).toBe("2026-02-06");
    const counted = Object.fromEntries(stats.reviewsPerDay.filter((d) => d.count > 0).map((d) => [d.day, d.count]));
    expect(counted).toEqual({ "2026-03-02": 1, "2026-03-03": 1, "2026-03-05": 1, "2026-03-06": 1 });
    expect(stats.retention).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(stats.streak).toBe(2); // 03-06 and 03-05; 03-04 had none
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast.reduce((n, d) => n + d.count, 0)).toBe(2);
    // qa relearns in 10 minutes: due today.
    expect(stats.forecast[0]?.count).toBeGreaterThanOrEqual(1);
    const topics = Object.keys(getFacetIndex().countByTopic());
    expect(stats.mastery.map((m) => m.topic)).toEqual(topics);
    expect(stats.exam).toBeNull();
    // A day later with a review today, the streak goes on.
    await grade(user, qa, 3, at("2026-03-07T02:00:00Z"));
    expect((await getStudyStats(db, user, at("2026-03-07T03:00:00Z"))).streak).toBe(3);

    await saveSettings(db, user, settingsInput({ examDate: "2026-04-01" }));
    const withExam = await getStudyStats(db, user, now);
    expect(withExam.exam?.date).toBe("2026-04-01");
    expect(withExam.exam?.byTopic.map((t) => t.topic)).toEqual(topics);
    const topicA = topicOf(qa.section);
    const outlook = withExam.exam?.byTopic.find((t) => t.topic === topicA);
    expect(outlook?.value).toBeGreaterThan(0);
    expect(outlook?.share).toBeCloseTo((outlook?.value ?? 0) / (outlook?.total ?? 1), 12);
    const studied = new Set([topicA, topicOf(qb.section)]);
    for (const t of withExam.exam?.byTopic ?? []) if (!studied.has(t.topic)) expect(t.value).toBe(0);
    // An exam date already past gives no outlook.
    await saveSettings(db, user, settingsInput({ examDate: "2026-03-01" }));
    expect((await getStudyStats(db, user, now)).exam).toBeNull();
  });

  it("11. guest answers become the first reviews in time order; unknown ids skipped; a repeat adds nothing", async () => {
    const user = await makeUser(db);
    const [q1, q2] = questionsOfDistinctFacts(2, () => true, 40);
    if (!q1 || !q2) throw new Error("bank");
    const sibling = getBank().questions.find((x) => facetKey(x) === facetKey(q1) && x.id !== q1.id) ?? q1;
    const guest = [
      // Written with different offsets, as the API allows: 02:00Z, 03:00Z, 01:30Z.
      { clientId: cid("g"), questionId: q1.id, response: rightAnswer(q1), reviewedAt: "2026-03-01T10:00:00+08:00" },
      { clientId: cid("g"), questionId: sibling.id, response: wrongAnswer(sibling), reviewedAt: "2026-03-01T03:00:00Z" },
      { clientId: cid("g"), questionId: "ffffffffffffffff", response: "x", reviewedAt: "2026-03-01T02:30:00Z" },
      { clientId: cid("g"), questionId: q2.id, response: rightAnswer(q2), reviewedAt: "2026-03-01T01:30:00.000Z" },
    ];
    const now = at("2026-03-01T04:00:00Z");
    expect(await importGuestReviews(db, user, guest, now)).toBe(3);

    const log = await db.reviewLog.findMany({ where: { userId: user }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(log.map((e) => e.reviewedAt.toISOString())).toEqual(["2026-03-01T01:30:00.000Z", "2026-03-01T02:00:00.000Z", "2026-03-01T03:00:00.000Z"]);
    expect(log.map((e) => e.questionId)).toEqual([q2.id, q1.id, sibling.id]);
    expect(log.map((e) => e.correct)).toEqual([true, true, false]);
    const card1 = await cardOf(db, user, q1);
    expect(card1.createdAt).toEqual(at("2026-03-01T02:00:00Z"));
    expect(card1.reps).toBe(2);
    expect(card1.lastReview).toEqual(at("2026-03-01T03:00:00Z"));
    await expectMatchesReplay(db, card1.id);
    await expectMatchesReplay(db, (await cardOf(db, user, q2)).id);

    await importGuestReviews(db, user, guest, plus(now, HOUR));
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(3);
    expect(await db.card.count({ where: { userId: user } })).toBe(2);
    expect(cardState(await cardOf(db, user, q1))).toStrictEqual(cardState(card1));
  });

  it("12. one user cannot touch or see another user's cards", async () => {
    const owner = (await createUser(db, { email: `${unique("a")}@example.com`, name: "甲", password: "correct horse", role: "student" })).id as UserId;
    const other = await makeUser(db, "乙");
    const [q] = questionsOfDistinctFacts(1, () => true, 50);
    if (!q) throw new Error("bank");
    let now = T0;
    await grade(owner, q, 4, now);
    for (let i = 0; i < 3; i++) {
      now = plus(now, DAY);
      await grade(owner, q, 1, now);
      now = plus(now, 15 * MINUTE);
      await grade(owner, q, 3, now);
    }
    const card = await cardOf(db, owner, q);
    const logBefore = await db.reviewLog.count({ where: { cardId: card.id } });

    await expectAppError(unsuspendCard(db, other, card.id, now), "NOT_FOUND");
    await expectAppError(resetCardForUser(db, other, card.id, now), "NOT_FOUND");
    expect(await undoLastReview(db, other, cid("undo"))).toBeNull();
    expect(await cardOf(db, owner, q)).toEqual(card);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(logBefore);
    expect(await db.reviewLog.count({ where: { userId: other } })).toBe(0);

    // The owner sees the card as due; the other user sees only new facets.
    const dueAt = plus(card.due, MINUTE);
    const mine = await getStudyQueue(db, owner, { pack: q.pack }, dueAt, "zh-CN");
    expect(mine.counts.due + mine.counts.learning).toBeGreaterThan(0);
    expect(mine.canUndo).toBe(true);
    const theirs = await getStudyQueue(db, other, { pack: q.pack }, dueAt, "zh-CN");
    expect(theirs.counts).toMatchObject({ learning: 0, due: 0 });
    expect(theirs.canUndo).toBe(false);
    expect(theirs.items.every((i) => i.reason === "new")).toBe(true);
    expect(await getStudyItem(db, other, q, dueAt, "zh-CN")).toMatchObject({ reason: "new" });
    expect(await listLeeches(db, other)).toEqual([]);

    const stats = await getStudyStats(db, other, dueAt);
    expect(stats.reviewsPerDay.every((d) => d.count === 0)).toBe(true);
    expect(stats.retention).toEqual({ passed: 0, total: 0, rate: null });
    expect(stats.forecast.every((d) => d.count === 0)).toBe(true);
    expect(stats.streak).toBe(0);
    expect(stats.mastery.every((m) => m.value === 0)).toBe(true);
    expect((await getStudyStats(db, owner, dueAt)).retention.total).toBe(3);

    // The other user's review of the same question makes their own card.
    await grade(other, q, 3, dueAt);
    expect((await cardOf(db, other, q)).id).not.toBe(card.id);
    expect(await cardOf(db, owner, q)).toEqual(card);
  });
});
