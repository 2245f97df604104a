"use client";
import { useEffect } from "react";
import { afterLoad } from "../after-load";
import { OFFLINE_PAGE } from "../caches";
import { warmPageCache } from "../warm-page";

/**
 * Registers the service worker (public/sw.js, built by scripts/build-sw.ts with `npm start`),
 * after the page has loaded (installing it precaches the app's scripts), then keeps the offline
 * page in its cache, rendered for whoever is signed in now (sign-out clears the page caches; a
 * copy from before a sign-in is replaced), so each load checks.
 * Not under `next dev`: there is no built worker, and a caching worker would hide changes.
 */
export function ServiceWorker({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    return afterLoad(() => {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(() => warmPageCache(OFFLINE_PAGE, signedIn))
        .catch((error: unknown) => {
          // The app works without it, online (and without the offline page, offline).
          console.warn("service worker registration failed", error);
        });
    });
  }, [signedIn]);
  return null;
}
