import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, type ReviewRequest } from "../client-api";
import { offlineQuery, type OfflineItem, type ReviewOutcome } from "../schema";
import { forgetStudyData, markStudied, offlineQueue, saveBundle } from "./bundle";
import { closeOfflineDb } from "./db";
import { addToOutbox, dropOutbox, pendingCount, pendingReviews, takeBackLast } from "./outbox";
import { lastSyncedAt, syncOutbox } from "./sync";

const A = "user-a";
const B = "user-b";

/**
 * The server's side of a review as the outbox sees it: idempotent by (user, clientId), 400 for
 * an unknown question; `failNext` makes the network fail before or after the server stored it.
 */
class Server {
  stored = new Map<string, ReviewRequest & { userId: string }>();
  order: string[] = [];
  failNext: "before" | "after" | null = null;
  status: number | null = null;

  send = (userId: string) => async (request: ReviewRequest): Promise<ReviewOutcome> => {
    if (this.failNext === "before") {
      this.failNext = null;
      throw new TypeError("Failed to fetch");
    }
    if (this.status !== null) throw new ApiError(this.status, this.status === 401 ? "UNAUTHORIZED" : "INTERNAL");
    if (request.questionId === "bad0bad0") throw new ApiError(400, "INVALID_INPUT");
    const id = `${userId}/${request.clientId}`;
    const duplicate = this.stored.has(id);
    if (!duplicate) {
      this.stored.set(id, { ...request, userId });
      this.order.push(request.clientId);
    }
    if (this.failNext === "after") {
      this.failNext = null;
      throw new TypeError("Failed to fetch");
    }
    return { clientId: request.clientId, rating: request.rating ?? 3, correct: null, partial: false, expected: "", key: "", explanation: "", section: "", due: new Date().toISOString(), leech: false, duplicate, learningAgain: false };
  };
}

function review(userId: string, n: number, extra: Partial<Parameters<typeof addToOutbox>[0]> = {}) {
  return addToOutbox({
    userId,
    clientId: `client-${userId}-${n}`,
    questionId: `abcdef0${n}`,
    key: `yrd/fact-${n}/value`,
    rating: 3,
    reviewedAt: new Date(Date.UTC(2026, 10, 30, 8, n)).toISOString(),
    durationMs: 1000 + n,
    ...extra,
  });
}

function item(n: number, over: Partial<OfflineItem> = {}): OfflineItem {
  return {
    key: `yrd/fact-${n}/value`,
    reason: "new",
    pack: "yrd",
    topic: n % 2 ? "人口" : "经济",
    availableAt: null,
    question: { id: `abcdef0${n}`, form: "mc", prompt: `Q${n}`, choices: ["a", "b"] } as OfflineItem["question"],
    back: { answer: "a", explanation: "", section: "" },
    flashcard: null,
    intervals: { "1": "1分钟", "2": "6分钟", "3": "10分钟", "4": "5天" },
    ...over,
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeOfflineDb();
});

describe("outbox", () => {
  it("keeps reviews in the order made, per user", async () => {
    await review(A, 1);
    await review(B, 1);
    await review(A, 2);
    await review(A, 3);
    expect((await pendingReviews(A)).map((e) => e.clientId)).toEqual(["client-user-a-1", "client-user-a-2", "client-user-a-3"]);
    expect(await pendingCount(B)).toBe(1);
  });

  it("an offline undo takes back only the newest review, and its item is offered again", async () => {
    await saveBundle(A, { generatedAt: "2026-11-30T00:00:00Z", items: [item(1), item(2)] }, 0);
    await review(A, 1);
    await review(A, 2);
    expect(await offlineQueue(A, new Date(), {})).toEqual([]);
    expect((await takeBackLast(A))?.clientId).toBe("client-user-a-2");
    expect((await pendingReviews(A)).map((e) => e.clientId)).toEqual(["client-user-a-1"]);
    expect((await offlineQueue(A, new Date(), {})).map((i) => i.key)).toEqual([item(2).key]);
  });
});

describe("sync", () => {
  it("sends oldest first and removes each review only when the server acknowledged it", async () => {
    const server = new Server();
    for (const n of [1, 2, 3]) await review(A, n);
    const result = await syncOutbox(A, server.send(A));
    expect(server.order).toEqual(["client-user-a-1", "client-user-a-2", "client-user-a-3"]);
    expect(result.sent.map((s) => s.entry.clientId)).toEqual(server.order);
    expect(await pendingCount(A)).toBe(0);
    expect(await lastSyncedAt(A)).not.toBeNull();
    // What was sent is what was made offline, time and all.
    expect(server.stored.get("user-a/client-user-a-2")).toMatchObject({ questionId: "abcdef02", rating: 3, durationMs: 1002, reviewedAt: "2026-11-30T08:02:00.000Z" });
  });

  it("a network failure keeps that review and the later ones, in order, for the next sync", async () => {
    const server = new Server();
    for (const n of [1, 2, 3]) await review(A, n);
    let calls = 0;
    const flaky = async (request: ReviewRequest) => {
      calls++;
      if (calls === 2) throw new TypeError("Failed to fetch");
      return server.send(A)(request);
    };
    const first = await syncOutbox(A, flaky);
    expect(first.sent).toHaveLength(1);
    expect(first.remaining).toBe(2);
    expect((await pendingReviews(A)).map((e) => e.clientId)).toEqual(["client-user-a-2", "client-user-a-3"]);
    await syncOutbox(A, server.send(A));
    expect(server.order).toEqual(["client-user-a-1", "client-user-a-2", "client-user-a-3"]);
    expect(await pendingCount(A)).toBe(0);
  });

  it("a review stored by the server whose answer was lost is sent again and counted once", async () => {
    const server = new Server();
    await review(A, 1);
    await review(A, 2);
    server.failNext = "after";
    await syncOutbox(A, server.send(A));
    expect(await pendingCount(A)).toBe(2);
    const again = await syncOutbox(A, server.send(A));
    expect(again.sent.map((s) => s.outcome.duplicate)).toEqual([true, false]);
    expect(server.stored.size).toBe(2);
    expect(await pendingCount(A)).toBe(0);
  });

  it("drops a review the server refuses as invalid (reported), keeps going, and keeps reviews when signed out", async () => {
    const server = new Server();
    await review(A, 1);
    await review(A, 2, { questionId: "bad0bad0" });
    await review(A, 3);
    const result = await syncOutbox(A, server.send(A));
    expect(result.dropped.map((d) => [d.entry.clientId, d.code])).toEqual([["client-user-a-2", "INVALID_INPUT"]]);
    expect(server.order).toEqual(["client-user-a-1", "client-user-a-3"]);

    await review(A, 4);
    server.status = 401;
    const signedOut = await syncOutbox(A, server.send(A));
    expect(signedOut.dropped).toEqual([]);
    expect(await pendingCount(A)).toBe(1);
    server.status = 500;
    await syncOutbox(A, server.send(A));
    expect(await pendingCount(A)).toBe(1);
  });

  it("two syncs at once send each review once; another user's reviews are not sent", async () => {
    const server = new Server();
    for (const n of [1, 2, 3, 4]) await review(A, n);
    await review(B, 9);
    const sent: string[] = [];
    const send = async (request: ReviewRequest) => {
      sent.push(request.clientId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return server.send(A)(request);
    };
    await Promise.all([syncOutbox(A, send), syncOutbox(A, send)]);
    expect(sent).toEqual(["client-user-a-1", "client-user-a-2", "client-user-a-3", "client-user-a-4"]);
    expect(await pendingCount(B)).toBe(1);
  });
});

describe("offline bundle", () => {
  it("offers what is available now and not studied here, within the filter, in bundle order", async () => {
    const now = new Date("2026-11-30T10:00:00Z");
    const items = [
      item(1),
      item(2, { pack: "other" }),
      item(3, { availableAt: "2026-11-30T09:00:00Z" }),
      item(4, { availableAt: "2026-12-01T00:00:00Z" }),
      item(5),
      item(7),
    ];
    await saveBundle(A, { generatedAt: now.toISOString(), items }, now.getTime());
    await review(A, 5);
    await markStudied(A, item(7).key, now.getTime() + 1);
    const keys = async (filter = {}, held: string[] = []) => (await offlineQueue(A, now, filter, held)).map((i) => i.key);
    expect(await keys()).toEqual([item(1).key, item(2).key, item(3).key]);
    expect(await keys({ pack: "yrd" }, [item(1).key])).toEqual([item(3).key]);
    expect(await keys({ topic: "人口" })).toEqual([item(1).key, item(3).key]);
    expect(await offlineQueue(B, now, {})).toEqual([]);
    // The next day, the review falling due then is offered too.
    expect((await offlineQueue(A, new Date("2026-12-01T01:00:00Z"), {})).map((i) => i.key)).toContain(item(4).key);
  });

  it("a fresh bundle forgets marks older than its fetch, except reviews still waiting", async () => {
    await markStudied(A, item(1).key, 1000);
    await markStudied(A, item(2).key, 5000);
    await review(A, 3, { reviewedAt: new Date(500).toISOString() });
    await saveBundle(A, { generatedAt: "2026-11-30T00:00:00Z", items: [item(1), item(2), item(3)] }, 2000);
    // 1 was studied before the fetch began: the server's bundle already reflects it.
    expect((await offlineQueue(A, new Date(), {})).map((i) => i.key)).toEqual([item(1).key]);
  });

  it("sign-out forgets bundles but not waiting reviews", async () => {
    await saveBundle(A, { generatedAt: "2026-11-30T00:00:00Z", items: [item(1)] }, 0);
    await review(A, 2);
    await forgetStudyData();
    expect(await offlineQueue(A, new Date(), {})).toEqual([]);
    expect(await pendingCount(A)).toBe(1);
  });

  it("a deleted account's waiting reviews go; another learner's on the device stay", async () => {
    await review(A, 1);
    await review(A, 2);
    await review(B, 3);
    await dropOutbox(A);
    expect(await pendingCount(A)).toBe(0);
    expect(await pendingCount(B)).toBe(1);
  });
});

describe("offline bundle query", () => {
  it("takes 1 to 7 days, 3 when not given", () => {
    expect(offlineQuery.parse({})).toEqual({ days: 3 });
    expect(offlineQuery.parse({ days: "7" })).toEqual({ days: 7 });
    for (const days of ["0", "8", "2.5", "x"]) expect(offlineQuery.safeParse({ days }).success).toBe(false);
  });
});
