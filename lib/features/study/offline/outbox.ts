// The outbox: reviews made on this device, kept until the server acknowledged them.
import { offlineDb, type OutboxEntry } from "./db";

/** Stores a review (and marks its item studied) in one transaction. */
export async function addToOutbox(entry: Omit<OutboxEntry, "seq">): Promise<number> {
  const db = await offlineDb();
  const tx = db.transaction(["outbox", "reviewed"], "readwrite");
  const seq = await tx.objectStore("outbox").add(entry);
  await tx.objectStore("reviewed").put({ userId: entry.userId, key: entry.key, at: Date.parse(entry.reviewedAt) });
  await tx.done;
  return seq;
}

/** The user's waiting reviews, oldest first. */
export async function pendingReviews(userId: string): Promise<OutboxEntry[]> {
  const db = await offlineDb();
  const rows = await db.getAllFromIndex("outbox", "byUser", userId);
  return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function pendingCount(userId: string): Promise<number> {
  const db = await offlineDb();
  return db.countFromIndex("outbox", "byUser", userId);
}

export async function removeFromOutbox(seq: number) {
  const db = await offlineDb();
  await db.delete("outbox", seq);
}

/**
 * Takes back the user's newest waiting review (undo while offline): it was never sent, so the
 * server never sees it. Returns it, or null when nothing waits.
 */
export async function takeBackLast(userId: string): Promise<OutboxEntry | null> {
  const last = (await pendingReviews(userId)).at(-1);
  if (!last || last.seq === undefined) return null;
  const db = await offlineDb();
  const tx = db.transaction(["outbox", "reviewed"], "readwrite");
  await tx.objectStore("outbox").delete(last.seq);
  await tx.objectStore("reviewed").delete([userId, last.key]);
  await tx.done;
  return last;
}

/** Drops every waiting review of a deleted account: the server would refuse them, and they are that person's data. */
export async function dropOutbox(userId: string) {
  const db = await offlineDb();
  const tx = db.transaction("outbox", "readwrite");
  for (const seq of await tx.store.index("byUser").getAllKeys(userId)) await tx.store.delete(seq);
  await tx.done;
}
