"use client";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { afterLoad } from "@/lib/features/pwa/after-load";
import { studyApi, type ReviewRequest } from "../client-api";
import type { ReviewOutcome } from "../schema";
import { saveBundle } from "./bundle";
import { addToOutbox, pendingCount } from "./outbox";
import { exclusive, lastSyncedAt, syncOutbox } from "./sync";

/** A fresh bundle at most this often while studying (each review also marks its item studied locally). */
const BUNDLE_EVERY_MS = 2 * 60_000;
const RETRY_MS = 30_000;

/** What the last sync that had news did: reviews sent after waiting, reviews refused and dropped. */
export interface SyncNote {
  synced: number;
  at: string;
  dropped: number;
  /** The error code of the first refusal. */
  reason: string | null;
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/**
 * The device side of offline study for one signed-in learner: whether the network is there,
 * how many reviews wait in the outbox, sending them when it returns, and keeping the offline
 * bundle fresh while online.
 */
export function useOfflineStudy(userId: string, onSynced: (outcomes: ReviewOutcome[]) => void) {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [pending, setPending] = useState(0);
  /** The last sync left reviews behind: online, only these are "waiting" (a grade being sent is not). */
  const [held, setHeld] = useState(false);
  const [note, setNote] = useState<SyncNote | null>(null);
  const [bundleSize, setBundleSize] = useState<number | null>(null);
  const bundleAt = useRef(0);
  /** Reviews had to wait (offline, or the server unreachable) since the last full sync. */
  const waited = useRef(false);
  const onSyncedRef = useRef(onSynced);
  useEffect(() => {
    onSyncedRef.current = onSynced;
  }, [onSynced]);

  const countPending = useCallback(async () => setPending(await pendingCount(userId)), [userId]);

  const refreshBundle = useCallback(
    async (force = false) => {
      if (!navigator.onLine || (!force && Date.now() - bundleAt.current < BUNDLE_EVERY_MS)) return;
      bundleAt.current = Date.now();
      try {
        // Under the outbox lock: no review is half-synced while the bundle is read.
        await exclusive(async () => {
          const started = Date.now();
          const bundle = await studyApi.offlineBundle();
          await saveBundle(userId, bundle, started);
          setBundleSize(bundle.items.length);
        });
      } catch {
        bundleAt.current = 0; // tried again on the next review or reconnection
      }
    },
    [userId],
  );

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    const result = await syncOutbox(userId, (request) => studyApi.review(request));
    await countPending();
    // "Synced" is said only after reviews had to wait; a grade sent at once needs no note.
    const synced = waited.current ? result.sent.length : 0;
    if (synced > 0 || result.dropped.length > 0) {
      const at = (await lastSyncedAt(userId)) ?? new Date().toISOString();
      setNote({ synced, at, dropped: result.dropped.length, reason: result.dropped[0]?.code ?? null });
    }
    waited.current = result.remaining > 0;
    setHeld(result.remaining > 0);
    if (result.sent.length > 0) onSyncedRef.current(result.sent.map((s) => s.outcome));
    // Throttled: the marks of studied items keep an older bundle right in the meantime.
    if (result.remaining === 0) await refreshBundle();
  }, [countPending, refreshBundle, userId]);

  /** Keeps a review on the device and sends it when it can. */
  const enqueue = useCallback(
    async (request: ReviewRequest, key: string) => {
      await addToOutbox({ ...request, userId, key, reviewedAt: request.reviewedAt ?? new Date().toISOString() });
      await countPending();
      void sync();
    },
    [countPending, sync, userId],
  );

  useEffect(() => {
    // Back online (or on load): send what waits, then a fresh bundle (not throttled this once).
    const back = () => {
      bundleAt.current = 0;
      void sync();
    };
    pendingCount(userId).then((n) => {
      if (n > 0) waited.current = true;
      setPending(n);
    }, () => undefined);
    const gone = () => {
      waited.current = true;
    };
    window.addEventListener("offline", gone);
    // After the page has loaded: the bundle is a few hundred items to fetch and store.
    const cancelFirst = afterLoad(() => void (navigator.onLine && back()));
    window.addEventListener("online", back);
    const retry = window.setInterval(() => void (navigator.onLine && sync()), RETRY_MS);
    return () => {
      window.removeEventListener("online", back);
      window.removeEventListener("offline", gone);
      window.clearInterval(retry);
      cancelFirst();
    };
  }, [refreshBundle, sync, userId]);

  return useMemo(
    () => ({ online, pending, held, note, bundleSize, sync, enqueue, countPending }),
    [online, pending, held, note, bundleSize, sync, enqueue, countPending],
  );
}
