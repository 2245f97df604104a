// The offline bundle: what the device may study without the network.
import type { OfflineBundle, OfflineItem } from "../schema";
import { offlineDb } from "./db";

/**
 * Keeps a bundle fetched from the server. Items studied since the fetch began stay marked
 * studied (the server may not have seen them yet); older marks are dropped, since the server's
 * bundle already reflects them.
 */
export async function saveBundle(userId: string, bundle: OfflineBundle, fetchStartedAt: number) {
  const db = await offlineDb();
  const tx = db.transaction(["bundle", "reviewed", "outbox"], "readwrite");
  await tx.objectStore("bundle").put({ ...bundle, userId });
  const waiting = new Set((await tx.objectStore("outbox").index("byUser").getAll(userId)).map((e) => e.key));
  const reviewed = tx.objectStore("reviewed");
  for (const mark of await reviewed.index("byUser").getAll(userId)) {
    if (mark.at < fetchStartedAt && !waiting.has(mark.key)) await reviewed.delete([userId, mark.key]);
  }
  await tx.done;
}

/** Marks an item studied on this device (a review sent straight to the server). */
export async function markStudied(userId: string, key: string, at: number) {
  const db = await offlineDb();
  await db.put("reviewed", { userId, key, at });
}

export async function hasBundle(userId: string): Promise<boolean> {
  const db = await offlineDb();
  return (await db.get("bundle", userId)) !== undefined;
}

export interface OfflineFilter {
  pack?: string | undefined;
  topic?: string | undefined;
}

/**
 * The items to study offline now, in the bundle's order: available by `now`, not studied on
 * this device since the bundle was fetched, not already held, within the deck/topic filter.
 */
export async function offlineQueue(userId: string, now: Date, filter: OfflineFilter, held: readonly string[] = []): Promise<OfflineItem[]> {
  const db = await offlineDb();
  const bundle = await db.get("bundle", userId);
  if (!bundle) return [];
  const studied = new Set((await db.getAllFromIndex("reviewed", "byUser", userId)).map((r) => r.key));
  const skip = new Set(held);
  return bundle.items.filter(
    (item) =>
      (item.availableAt === null || Date.parse(item.availableAt) <= now.getTime()) &&
      !studied.has(item.key) &&
      !skip.has(item.key) &&
      (!filter.pack || item.pack === filter.pack) &&
      (!filter.topic || item.topic === filter.topic),
  );
}

/** Drops what the device keeps of a user's study, except reviews still waiting to be sent. */
export async function forgetStudyData(userId?: string) {
  const db = await offlineDb();
  const tx = db.transaction(["bundle", "reviewed"], "readwrite");
  if (userId) {
    await tx.objectStore("bundle").delete(userId);
    for (const key of await tx.objectStore("reviewed").index("byUser").getAllKeys(userId)) await tx.objectStore("reviewed").delete(key);
  } else {
    await tx.objectStore("bundle").clear();
    await tx.objectStore("reviewed").clear();
  }
  await tx.done;
}
