import type { Db } from "./db/create";
import { env } from "./env";
import { AppError, AppErrorCode } from "./errors";

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
/** Sign-ups per address and hour: SIGNUPS_PER_ADDRESS, for a school whose students all sign up behind one address. */
export function signUpPerIp(): RateRule {
  return { limit: env().signUpsPerAddress, windowMs: 60 * 60_000 };
}

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

type HeaderSource = Pick<Headers, "get"> | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address, for per-address limits. X-Forwarded-For always ends with the peer that
 * connected (the server appends it: scripts/peer-address.mjs); each of the TRUSTED_PROXIES
 * proxies in front appends the address it saw, so the client is the entry that many places
 * left of the last. Entries further left are the client's own words and are never read.
 * A shorter list (a request that did not pass every proxy) gives its leftmost entry.
 */
export function clientIp(headers: HeaderSource, trustedProxies = env().trustedProxies): string {
  const raw = headers && ("get" in headers && typeof headers.get === "function" ? headers.get("x-forwarded-for") : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"]);
  const hops = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  // An IPv4 client on a dual-stack socket reads ::ffff:1.2.3.4; one key per address either way.
  return hop ? hop.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") : "direct";
}

/** A token bucket: `capacity` units at once, refilled at `perSecond`. */
export interface BucketRule {
  capacity: number;
  perSecond: number;
}

/**
 * The review routes (review, undo, override, import), per user. A full outbox of offline reviews
 * (the offline bundle holds at most 300 items) goes through at once; sustained, two a second is
 * more than anyone answers. The outbox waits on a 429 and tries again later.
 */
export const REVIEWS_PER_USER: BucketRule = { capacity: 300, perSecond: 2 };

const buckets = new Map<string, { tokens: number; at: number }>();
/** Past this many keys, full buckets are dropped (a full bucket is the same as none). */
const MAX_BUCKETS = 10_000;

/**
 * Takes `cost` units from the bucket `key`, or none if it holds fewer. In this process's memory,
 * not the database: it is on the review's hot path, where a write per request would cost as much
 * as the review itself. So it holds per app server; behind N servers a user gets up to N times it.
 */
export function allowLocalHits(key: string, cost: number, rule: BucketRule, nowMs: number): boolean {
  const bucket = buckets.get(key);
  const tokens = bucket ? Math.min(rule.capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * rule.perSecond) : rule.capacity;
  if (tokens < cost) {
    buckets.set(key, { tokens, at: nowMs });
    return false;
  }
  if (!bucket && buckets.size >= MAX_BUCKETS) {
    for (const [k, b] of buckets) if (b.tokens + ((nowMs - b.at) / 1000) * rule.perSecond >= rule.capacity) buckets.delete(k);
  }
  buckets.set(key, { tokens: tokens - cost, at: nowMs });
  return true;
}

/** Charges `cost` review units (REVIEWS_PER_USER) to the user; over the limit, RATE_LIMITED (429). */
export function chargeReviews(userId: string, cost: number, nowMs = Date.now()): void {
  if (!allowLocalHits(`reviews:${userId}`, cost, REVIEWS_PER_USER, nowMs)) throw new AppError(AppErrorCode.RateLimited);
}
