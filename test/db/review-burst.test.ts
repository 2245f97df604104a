import { afterAll, describe, expect, it } from "vitest";
import { recordReview } from "@/lib/features/study/mutations";
import { testDb } from "./db";
import { at, cid, expectMatchesReplay, cardOf, makeUser, questionsOfDistinctFacts } from "./study-fixtures";

// A burst of reviews: when every connection (PostgreSQL's pool of 10) or SQLite's single writer
// is busy for longer than Prisma's default 2 s wait, a review waits and is stored, instead of
// failing with P2028 (a 500 to the client). Found by scripts/load/run.ts with 200 students.

const db = testDb();
afterAll(() => db.$disconnect());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const T0 = at("2026-03-02T02:00:00Z");

describe(`review burst on ${db.$engine}`, () => {
  it("a review waits for a busy database instead of failing", { timeout: 60_000 }, async () => {
    const user = await makeUser(db);
    const [q] = questionsOfDistinctFacts(1);
    if (!q) throw new Error("bank");
    // Hold every connection (PostgreSQL) or the write lock (SQLite) for 3 s.
    const holders = await Promise.all(Array.from({ length: db.$engine === "postgres" ? 10 : 1 }, () => makeUser(db)));
    const busy = holders.map((holder) =>
      db.$transaction(
        async (tx) => {
          await tx.user.update({ where: { id: holder }, data: { name: "忙" } });
          await sleep(3000);
        },
        { maxWait: 20_000, timeout: 20_000 },
      ),
    );
    await sleep(200);
    const clientId = cid("burst");
    const outcome = await recordReview(db, user, { clientId, questionId: q.id, rating: 3, durationMs: 1000 }, T0);
    await Promise.all(busy);
    expect(outcome).toMatchObject({ clientId, duplicate: false });
    expect(await db.reviewLog.count({ where: { userId: user, clientId } })).toBe(1);
    const card = await cardOf(db, user, q);
    await expectMatchesReplay(db, card.id);
  });
});
