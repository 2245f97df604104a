// The bounds on review work (issue #18): the guest import once per account, late reviews rebuilt
// from a checkpoint (only the entries after them), the per-user review rate, and two scheduling
// details (a new card's shown interval, lastElapsedDays after an undo).
import { afterAll, describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/core/schedule";
import { getStudyQueue } from "@/lib/features/study/data";
import { importGuestReviews, MAX_LATER_ENTRIES, recordReview, undoLastReview } from "@/lib/features/study/mutations";
import type { UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import { AppError } from "@/lib/server/errors";
import { chargeReviews, REVIEWS_PER_USER } from "@/lib/server/rate-limit";
import { testDb } from "./db";
import { at, cardOf, cid, DAY, expectMatchesReplay, HOUR, logOf, makeUser, MINUTE, plus, questionsOfDistinctFacts, rightAnswer } from "./study-fixtures";

const db = testDb();
afterAll(() => db.$disconnect());

const T0 = at("2026-03-02T02:00:00Z");

async function appErrorCode(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : `not an AppError: ${String(e)}`),
  );
}

function grade(userId: UserId, questionId: string, rating: 1 | 2 | 3 | 4, now: Date, reviewedAt?: Date, clientId = cid()) {
  return recordReview(db, userId, { clientId, questionId, rating, durationMs: 0, ...(reviewedAt && { reviewedAt }) }, now);
}

describe(`review limits on ${db.$engine}`, () => {
  it("imports a guest's answers once per account: a retry of the batch is harmless, another batch is refused", async () => {
    const user = await makeUser(db);
    const [q1, q2] = questionsOfDistinctFacts(2, () => true, 60);
    if (!q1 || !q2) throw new Error("bank");
    const batch = [
      { clientId: cid("g"), questionId: q1.id, response: rightAnswer(q1), reviewedAt: "2026-03-01T01:00:00Z" },
      { clientId: cid("g"), questionId: q2.id, response: rightAnswer(q2), reviewedAt: "2026-03-01T01:05:00Z" },
    ];
    const now = at("2026-03-01T04:00:00Z");
    expect(await importGuestReviews(db, user, batch, now)).toBe(2);
    // The same batch again (a retry after a lost answer): nothing new, no refusal.
    await importGuestReviews(db, user, batch, plus(now, MINUTE));
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(2);

    // Back-dated answers sent again with other ids (the attack): refused, nothing written.
    const again = batch.map((r) => ({ ...r, clientId: cid("g2"), reviewedAt: "2026-03-01T00:30:00Z" }));
    expect(await appErrorCode(importGuestReviews(db, user, again, plus(now, 2 * MINUTE)))).toBe("CONFLICT");
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(2);
    // A retry that holds every stored answer may carry more (a tab that kept answering): the
    // account's imported answers still fit in one batch (at most 200), and after a review none is taken.
    expect(await importGuestReviews(db, user, [...batch, ...again], plus(now, 2 * MINUTE))).toBe(4);
    await grade(user, q1.id, 3, plus(now, HOUR));
    const third = batch.map((r) => ({ ...r, clientId: cid("g3") }));
    expect(await appErrorCode(importGuestReviews(db, user, [...batch, ...again, ...third], plus(now, 2 * HOUR)))).toBe("CONFLICT");
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(5);

    // An account that has studied refuses an import.
    const studied = await makeUser(db);
    await grade(studied, q1.id, 3, now);
    expect(await appErrorCode(importGuestReviews(db, studied, batch, now))).toBe("CONFLICT");
  });

  it("inserts a late review from the next entry's checkpoint, re-applying only the entries after it", async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1, () => true, 80);
    if (!q) throw new Error("bank");
    const count = MAX_LATER_ENTRIES + 8;
    for (let i = 0; i < count; i++) await grade(user, q.id, i % 10 === 9 ? 1 : 3, plus(T0, i * HOUR));
    const card = await cardOf(db, user, q);
    const log = (await logOf(db, card.id)).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const now = plus(T0, count * HOUR);

    // An entry early in the log that replay cannot read: a late review near the end must not need it.
    const early = log[2]!;
    await db.reviewLog.update({ where: { id: early.id }, data: { kind: "unreadable" } });
    const lateAt = plus(T0, (count - 5) * HOUR - 30 * MINUTE);
    const outcome = await grade(user, q.id, 1, now, lateAt, cid("late"));
    await db.reviewLog.update({ where: { id: early.id }, data: { kind: "review" } });
    const stored = await expectMatchesReplay(db, card.id);
    expect(outcome.due).toBe(stored.due.toISOString());
    expect(stored.reps).toBe(count + 1);
    // The later entries' checkpoints were rewritten: the one right after the late review starts from its card.
    const after = (await logOf(db, card.id)).filter((e) => e.reviewedAt > lateAt).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    expect(after).toHaveLength(5);
    expect(after[0]).toMatchObject({ prevLastReview: lateAt, prevReps: count - 4 });
    // A review, then its undo: it restores the review's checkpoint, and the card still replays.
    const beforeNext = await expectMatchesReplay(db, card.id);
    await grade(user, q.id, 3, plus(now, MINUTE));
    await undoLastReview(db, user, cid("undo"));
    expect(await expectMatchesReplay(db, card.id)).toStrictEqual(beforeNext);

    // Behind more than MAX_LATER_ENTRIES entries, a late review is taken as made now.
    const tooLate = await grade(user, q.id, 3, plus(now, HOUR), plus(T0, 30 * MINUTE), cid("old"));
    const entry = await db.reviewLog.findFirstOrThrow({ where: { userId: user, cardId: card.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(entry.reviewedAt).toEqual(plus(now, HOUR));
    expect(tooLate.due).toBe((await expectMatchesReplay(db, card.id)).due.toISOString());
  });

  it("a late review at the instant of an entry of its card is taken as made now", async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1, () => true, 90);
    if (!q) throw new Error("bank");
    await grade(user, q.id, 3, T0);
    await grade(user, q.id, 3, plus(T0, HOUR));
    const now = plus(T0, 2 * HOUR);
    await grade(user, q.id, 2, now, T0, cid("tie"));
    const card = await cardOf(db, user, q);
    expect(card.lastReview).toEqual(now);
    await expectMatchesReplay(db, card.id);
  });

  it("answers RATE_LIMITED past the per-user review budget, and refills over time", () => {
    const user = `rate-${cid()}`;
    const t = Date.now();
    for (let i = 0; i < REVIEWS_PER_USER.capacity; i++) chargeReviews(user, 1, t);
    let code: string | null = null;
    try {
      chargeReviews(user, 1, t);
    } catch (e) {
      code = (e as AppError).code;
    }
    expect(code).toBe("RATE_LIMITED");
    // Another user is not affected; one second later the user has perSecond units again.
    chargeReviews(`${user}-other`, 1, t);
    for (let i = 0; i < REVIEWS_PER_USER.perSecond; i++) chargeReviews(user, 1, t + 1000);
    expect(() => chargeReviews(user, 1, t + 1000)).toThrow(AppError);
    // A guest import costs its number of answers.
    expect(() => chargeReviews(`${user}-import`, 200, t)).not.toThrow();
    expect(() => chargeReviews(`${user}-import`, 200, t)).toThrow(AppError);
  });

  it("shows for each new facet the intervals that its first review schedules (Easy)", async () => {
    const user = await makeUser(db);
    await db.learnerSettings.create({ data: { userId: user, newPerDay: 50 } });
    const now = T0;
    const queue = await getStudyQueue(db, user, { pack: "yrd" }, now, "zh-CN");
    const fresh = queue.items.filter((i) => i.reason === "new");
    expect(fresh.length).toBeGreaterThanOrEqual(8);
    const bank = getBank();
    for (const item of fresh) {
      const outcome = await grade(user, item.question.id, 4, now);
      expect(bank.byId.get(item.question.id)).toBeDefined();
      expect(formatInterval(Date.parse(outcome.due) - now.getTime(), "zh-CN"), item.key).toBe(item.intervals["4"]);
    }
  });

  it("after an undo, the next review's lastElapsedDays is the elapsedDays of the review in effect", async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1, () => true, 100);
    if (!q) throw new Error("bank");
    await grade(user, q.id, 3, T0);
    await grade(user, q.id, 3, plus(T0, 3 * DAY));
    await grade(user, q.id, 3, plus(T0, 10 * DAY));
    await undoLastReview(db, user, cid("undo"));
    await grade(user, q.id, 3, plus(T0, 12 * DAY), undefined, cid("next"));
    const card = await cardOf(db, user, q);
    const log = (await logOf(db, card.id)).filter((e) => e.kind === "review").sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    expect(log.map((e) => e.elapsedDays)).toEqual([0, 3, 7, 9]);
    // The review at +12 d follows the one at +3 d (elapsed 3), not the undone one at +10 d (elapsed 7).
    expect(log[3]!.lastElapsedDays).toBe(3);
    await expectMatchesReplay(db, card.id);
  });
});
