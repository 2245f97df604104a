import "server-only";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { AppError, AppErrorCode } from "@/lib/server/errors";
import { allowHit, joinKey, type RateRule } from "@/lib/server/rate-limit";

/**
 * Join attempts per user, a join link's preview included (it says whether a code exists and
 * whose class it is): codes cannot be guessed by trying many, by joining or by looking.
 */
export const JOIN_ATTEMPTS: RateRule = { limit: 20, windowMs: 15 * 60_000 };

/** Counts one attempt; RATE_LIMITED past the limit. */
export async function countJoinAttempt(db: Db, userId: UserId, now: Date): Promise<void> {
  if (!(await allowHit(db, joinKey(userId), JOIN_ATTEMPTS, now))) throw new AppError(AppErrorCode.RateLimited);
}
