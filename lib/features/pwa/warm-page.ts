import { PAGE_CACHE } from "./caches";

/**
 * Keeps a page in the service worker's page cache, so it opens without the network. The worker
 * caches pages it serves; a page loaded before the worker took control is fetched once more here.
 */
export async function warmPageCache(url: string) {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  await navigator.serviceWorker.ready;
  const cache = await caches.open(PAGE_CACHE);
  if (await cache.match(url, { ignoreVary: true })) return;
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.ok && !response.redirected) await cache.put(url, response);
}
