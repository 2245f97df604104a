import type { Db } from "./db/create";

export interface RateRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

// Stored in the database (not in memory) so the limit holds across several app servers.
// Per-address limits are generous: a whole school often shares one address, and a class of
// 40 signs up and signs in within minutes. The per-account limit stops password guessing.
// Sign-in limits count failed attempts only (a success is refunded): a teacher signing in on
// every classroom device is not locked out.
export const SIGN_IN_PER_ACCOUNT: RateRule = { limit: 10, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_IP: RateRule = { limit: 300, windowMs: 15 * 60_000 };
export const SIGN_UP_PER_IP: RateRule = { limit: 100, windowMs: 60 * 60_000 };

/** Keys that name an account (its email or id), deleted with the account. */
export const signInAccountKey = (email: string) => `signin:account:${email}`;
export const joinKey = (userId: string) => `join:user:${userId}`;
export const accountLimitKeys = (user: { id: string; email: string }) => [signInAccountKey(user.email), joinKey(user.id)];

/** Rows whose window ended this long ago are deleted; the margin keeps them clear of a hit in flight. */
const PURGE_AFTER_MS = 24 * 60 * 60_000;

/**
 * Deletes the counters of windows that ended over a day ago (an ended window counts as no row):
 * without it every address and email ever tried stays in the table. Run at start
 * (scripts/start.ts), not per request: a server that runs for months keeps its uptime's counters.
 */
export async function purgeExpiredLimits(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(now.getTime() - PURGE_AFTER_MS) } } });
  return count;
}

/**
 * Counts one hit on `key` in a fixed window and says whether it is within the limit.
 * The upsert makes concurrent first hits safe; an expired window is restarted.
 */
export async function allowHit(db: Db, key: string, rule: RateRule, now: Date): Promise<boolean> {
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, resetAt },
    update: { count: { increment: 1 } },
  });
  if (row.resetAt <= now) {
    await db.rateLimit.update({ where: { key }, data: { count: 1, resetAt } });
    return true;
  }
  return row.count <= rule.limit;
}

/**
 * Takes back one hit on `key`, for a request that turned out not to be what the limit is for
 * (a correct password). Counting first and refunding after keeps concurrent requests counted.
 */
export async function refundHit(db: Db, key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** The client's address: the first X-Forwarded-For hop (set by the load balancer), else "direct". */
export function clientIp(headers: Pick<Headers, "get"> | Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers && ("get" in headers && typeof headers.get === "function" ? headers.get("x-forwarded-for") : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"]);
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(",")[0]?.trim() || "direct";
}
