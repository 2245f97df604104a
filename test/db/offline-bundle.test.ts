import { afterAll, describe, expect, it } from "vitest";
import { answeredFromChoices } from "@/lib/core/generate/fronts";
import { FALSE } from "@/lib/core/generate/types";
import { learnerDay, STATE_REVIEW } from "@/lib/core/schedule";
import { answerText } from "@/lib/features/practice/data";
import { getOfflineBundle, getStudyQueue } from "@/lib/features/study/data";
import { facetKey, getFacetIndex } from "@/lib/features/study/facets";
import { recordReview } from "@/lib/features/study/mutations";
import { testDb } from "./db";
import { at, cardOf, cid, DAY, HOUR, MINUTE, makeUser, plus, questionsOfDistinctFacts } from "./study-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

// 10:00 in Shanghai (the default learner zone); learner days start at 04:00.
const T0 = at("2026-03-02T02:00:00Z");

describe(`offline bundle on ${db.$engine}`, () => {
  it("holds today's queue, then the reviews due in the next days from the start of their day; nothing later or suspended", async () => {
    const user = await makeUser(db);
    const other = await makeUser(db, "别人");
    const [qAgain, qSoon, qLate, qSuspended] = questionsOfDistinctFacts(4);
    if (!qAgain || !qSoon || !qLate || !qSuspended) throw new Error("bank");
    for (const q of [qAgain, qSoon, qLate, qSuspended]) await recordReview(db, user, { clientId: cid(), questionId: q.id, rating: q === qAgain ? 1 : 4, durationMs: 1000 }, T0);
    // A learning step three hours away (beyond the learn-ahead limit); review cards due in 2 days, in 10 days, and one suspended due tomorrow.
    const againCard = await cardOf(db, user, qAgain);
    await db.card.update({ where: { id: againCard.id }, data: { due: plus(T0, 3 * HOUR) } });
    const soon = await cardOf(db, user, qSoon);
    await db.card.update({ where: { id: soon.id }, data: { state: STATE_REVIEW, due: plus(T0, 2 * DAY) } });
    await db.card.update({ where: { id: (await cardOf(db, user, qLate)).id }, data: { state: STATE_REVIEW, due: plus(T0, 10 * DAY) } });
    await db.card.update({ where: { id: (await cardOf(db, user, qSuspended)).id }, data: { state: STATE_REVIEW, due: plus(T0, DAY), suspended: true } });
    // Another learner's card due tomorrow is none of this learner's business.
    const [qOther] = questionsOfDistinctFacts(1, () => true, 10);
    if (!qOther) throw new Error("bank");
    await recordReview(db, other, { clientId: cid(), questionId: qOther.id, rating: 4, durationMs: 1000 }, T0);

    const now = plus(T0, 2 * MINUTE);
    const bundle = await getOfflineBundle(db, user, now, "zh-CN", 3);
    expect(bundle.generatedAt).toBe(now.toISOString());
    const byKey = new Map(bundle.items.map((i) => [i.key, i]));
    expect(byKey.size).toBe(bundle.items.length);

    // Today's queue first (available now), in the queue's order.
    const queue = await getStudyQueue(db, user, {}, now, "zh-CN");
    expect(bundle.items.slice(0, queue.items.length).map((i) => [i.key, i.availableAt])).toEqual(queue.items.map((i) => [i.key, null]));
    // The learning step: not in today's queue yet, offered from its due time.
    expect(queue.items.some((i) => i.key === facetKey(qAgain))).toBe(false);
    expect(byKey.get(facetKey(qAgain))).toMatchObject({ reason: "learning", availableAt: plus(T0, 3 * HOUR).toISOString() });
    // Due in two days: from the start of that learner day (04:00 Shanghai).
    const start = learnerDay(plus(T0, 2 * DAY), "Asia/Shanghai", 4).start;
    expect(byKey.get(facetKey(qSoon))).toMatchObject({ reason: "due", pack: qSoon.pack, availableAt: start.toISOString() });
    expect(start.toISOString()).toBe("2026-03-03T20:00:00.000Z");
    expect(byKey.has(facetKey(qLate))).toBe(false);
    expect(byKey.has(facetKey(qSuspended))).toBe(false);
    expect(byKey.has(facetKey(qOther))).toBe(bundle.items.some((i) => i.key === facetKey(qOther) && i.reason === "new"));

    // Every item carries a question of its facet and that question's answer on the back.
    const index = getFacetIndex();
    for (const item of bundle.items) {
      const question = index.questions.get(item.key)?.find((q) => q.id === item.question.id);
      expect(question, item.key).toBeDefined();
      expect(item.back.answer).toBe(answerText(question!));
      expect(item.question).not.toHaveProperty("answer");
      // The flashcard travels along, the same as the queue's: never a false statement; an mc's options only when needed.
      const card = item.flashcard;
      const front = card && index.questions.get(item.key)?.find((q) => q.id === card.question.id);
      expect(front, item.key).toBeTruthy();
      expect(front && !(front.form === "tf" && front.answer === FALSE)).toBe(true);
      expect(card?.back.answer).toBe(front ? answerText(front) : undefined);
      if (front?.form === "mc") expect(card?.question.choices !== undefined).toBe(answeredFromChoices(front));
    }
    const inQueue = new Map(queue.items.map((i) => [i.key, i.flashcard]));
    for (const item of bundle.items) if (inQueue.has(item.key)) expect(item.flashcard).toEqual(inQueue.get(item.key));
  });
});
