// Cache names shared by the service worker and the page (which warms and clears them).
export const PAGE_CACHE = "pages";
export const RSC_CACHE = "pages-rsc";
/** Caches holding a signed-in learner's pages: cleared on sign-out. */
export const PRIVATE_CACHES = [PAGE_CACHE, RSC_CACHE] as const;
/** The page shown offline for a page the worker has no copy of (app/offline). */
export const OFFLINE_PAGE = "/offline";

/**
 * Drops the cached pages: each shows the header of whoever was signed in when it was cached (the
 * offline page cached for a guest offered 登录 to the learner who signed in since). Called at
 * sign-in and sign-out; the next load caches the offline page again.
 */
export async function forgetCachedPages() {
  if (typeof caches === "undefined") return;
  await Promise.all(PRIVATE_CACHES.map((name) => caches.delete(name)));
}
