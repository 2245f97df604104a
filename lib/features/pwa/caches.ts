// Cache names shared by the service worker and the page (which warms and clears them).
export const PAGE_CACHE = "pages";
export const RSC_CACHE = "pages-rsc";
/** Caches holding a signed-in learner's pages: cleared on sign-out. */
export const PRIVATE_CACHES = [PAGE_CACHE, RSC_CACHE] as const;
/** The page shown offline for a page the worker has no copy of (app/offline). */
export const OFFLINE_PAGE = "/offline";
