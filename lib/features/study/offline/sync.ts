// Sends the outbox to the server, oldest first. A review leaves the outbox only when the server
// answered 2xx (a duplicate included: reviews are idempotent by (userId, clientId)), so a review
// is never lost and, sent twice after a lost answer, still counted once.
import { ApiError, type ReviewRequest } from "../client-api";
import type { ReviewOutcome } from "../schema";
import { offlineDb, type OutboxEntry } from "./db";
import { pendingReviews, removeFromOutbox } from "./outbox";

export type SendReview = (request: ReviewRequest) => Promise<ReviewOutcome>;

export interface SyncResult {
  /** Acknowledged by the server, in the order sent. */
  sent: { entry: OutboxEntry; outcome: ReviewOutcome }[];
  /** Refused by the server as invalid (4xx): dropped, to be shown to the learner. */
  dropped: { entry: OutboxEntry; code: string }[];
  /** Still waiting (the network or the server failed; tried again later). */
  remaining: number;
}

/**
 * 4xx answers that say "this review will never be accepted" (validation, unknown question).
 * 401/403 (signed out), 408 and 429 are not the review's fault: it waits.
 */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 403, 408, 429].includes(error.status);
}

export function toRequest(entry: OutboxEntry): ReviewRequest {
  return {
    clientId: entry.clientId,
    questionId: entry.questionId,
    ...(entry.response !== undefined ? { response: entry.response } : { rating: entry.rating }),
    durationMs: entry.durationMs,
    reviewedAt: entry.reviewedAt,
  };
}

let chain: Promise<unknown> = Promise.resolve();

/** One sync at a time: across tabs with the Web Locks API, within this page by a promise chain. */
export function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  const task = (): Promise<T> => (locks ? (locks.request("delta-recall-outbox", run) as Promise<T>) : run());
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

export function syncOutbox(userId: string, send: SendReview): Promise<SyncResult> {
  return exclusive(async () => {
    const result: SyncResult = { sent: [], dropped: [], remaining: 0 };
    const entries = await pendingReviews(userId);
    for (const [i, entry] of entries.entries()) {
      try {
        const outcome = await send(toRequest(entry));
        await removeFromOutbox(entry.seq!);
        result.sent.push({ entry, outcome });
      } catch (error) {
        if (isRefusal(error)) {
          await removeFromOutbox(entry.seq!);
          result.dropped.push({ entry, code: error.code });
          continue;
        }
        // Offline, a server error or signed out: keep this one and the rest, in order.
        result.remaining = entries.length - i;
        break;
      }
    }
    if (result.sent.length > 0) {
      const db = await offlineDb();
      await db.put("meta", { userId, lastSyncedAt: new Date().toISOString() });
    }
    return result;
  });
}

export async function lastSyncedAt(userId: string): Promise<string | null> {
  const db = await offlineDb();
  return (await db.get("meta", userId))?.lastSyncedAt ?? null;
}
