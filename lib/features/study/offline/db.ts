// The device's offline store (IndexedDB through `idb`): the outbox of reviews not yet sent, the
// offline bundle, and the keys studied since the bundle was fetched. Every record carries the
// user id, so a second account on the same browser never sees or sends another's data.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import type { OfflineBundle } from "../schema";

export interface OutboxEntry {
  /** Insertion order: the outbox is sent oldest first. */
  seq?: number;
  userId: string;
  clientId: string;
  questionId: string;
  /** The facet key of the item, so it is not offered again before it syncs. */
  key: string;
  response?: AnswerResponse;
  rating?: 1 | 2 | 3 | 4;
  reviewedAt: string;
  durationMs: number;
}

export interface StoredBundle extends OfflineBundle {
  userId: string;
}

export interface ReviewedKey {
  userId: string;
  key: string;
  /** ms since the epoch. */
  at: number;
}

export interface SyncMeta {
  userId: string;
  lastSyncedAt: string | null;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { byUser: string } };
  bundle: { key: string; value: StoredBundle };
  reviewed: { key: [string, string]; value: ReviewedKey; indexes: { byUser: string } };
  meta: { key: string; value: SyncMeta };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const NAME = "delta-recall-offline";
let opening: Promise<OfflineDb> | undefined;

export function offlineDb(): Promise<OfflineDb> {
  opening ??= openDB<OfflineSchema>(NAME, 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true }).createIndex("byUser", "userId");
      db.createObjectStore("bundle", { keyPath: "userId" });
      db.createObjectStore("reviewed", { keyPath: ["userId", "key"] }).createIndex("byUser", "userId");
      db.createObjectStore("meta", { keyPath: "userId" });
    },
  });
  return opening;
}

/** Closes and forgets the connection (tests delete the database between cases). */
export async function closeOfflineDb() {
  const db = await opening;
  opening = undefined;
  db?.close();
}
