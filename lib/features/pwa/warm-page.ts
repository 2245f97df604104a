import { PAGE_CACHE } from "./caches";

/** Marks a copy kept by `warmPageCache` with who it was rendered for. */
const SIGNED_IN_HEADER = "x-delta-signed-in";

/**
 * Keeps a page in the service worker's page cache, so it opens without the network. The worker
 * caches pages it serves; a page loaded before the worker took control is fetched once more here.
 * With `signedIn`, a copy rendered for the other state is fetched again: the offline page cached
 * for a guest offered 登录 in its header to the learner who had signed in since.
 */
export async function warmPageCache(url: string, signedIn?: boolean) {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  await navigator.serviceWorker.ready;
  const cache = await caches.open(PAGE_CACHE);
  const cached = await cache.match(url, { ignoreVary: true });
  const state = signedIn === undefined ? undefined : signedIn ? "1" : "0";
  if (cached && (state === undefined || cached.headers.get(SIGNED_IN_HEADER) === state)) return;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || response.redirected) return;
  if (state === undefined) return cache.put(url, response);
  const headers = new Headers(response.headers);
  headers.set(SIGNED_IN_HEADER, state);
  await cache.put(url, new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers }));
}
