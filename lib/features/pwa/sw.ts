// The service worker, bundled by scripts/build-sw.ts into public/sw.js after `next build`
// (esbuild + serwist; Next 16 builds with Turbopack, which @serwist/next's webpack plugin does not serve).
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { OFFLINE_PAGE, PAGE_CACHE, RSC_CACHE } from "./caches";

// A module-scoped `self`: the project's tsconfig has the DOM lib, not the webworker one.
declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined; location: Location };

/**
 * A page never cached under its exact URL, offline: /study with another topic falls back to the
 * cached /study shell (the page then studies from the offline bundle in IndexedDB); any other
 * page to the offline page, instead of the browser's error page.
 */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    const url = new URL(request.url);
    const cache = await caches.open(PAGE_CACHE);
    const study = url.pathname === "/study" ? await cache.match("/study", { ignoreVary: true }) : undefined;
    return study ?? (await cache.match(OFFLINE_PAGE, { ignoreVary: true })) ?? undefined;
  },
};

/** A page reached through a redirect (e.g. signed out, sent to sign-in) is not kept under the asked URL. */
const onlyDirect: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

const sameOrigin = (url: URL) => url.origin === self.location.origin;

const serwist = new Serwist({
  // The app's built JS and CSS (/_next/static), listed at build time.
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Sign-in and the API always go to the network: the offline bundle lives in IndexedDB, and
    // a stale API answer must never stand for the server's.
    { matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    {
      matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 60 })] }),
    },
    // Client navigations fetch React Server Component payloads.
    {
      matcher: ({ request, url }) => sameOrigin(url) && request.headers.get("RSC") === "1",
      handler: new NetworkFirst({ cacheName: RSC_CACHE, networkTimeoutSeconds: 8, plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 60 * 60 * 24 * 14 })] }),
    },
    // Pages: the network first, the last copy seen when offline (the app shell).
    {
      matcher: ({ request, url }) => sameOrigin(url) && request.mode === "navigate",
      handler: new NetworkFirst({
        cacheName: PAGE_CACHE,
        networkTimeoutSeconds: 8,
        matchOptions: { ignoreVary: true },
        plugins: [new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 60 * 60 * 24 * 14 }), onlyDirect, offlineFallback],
      }),
    },
    {
      matcher: ({ url }) => sameOrigin(url) && /\.(?:png|svg|ico|webmanifest)$|^\/manifest/.test(url.pathname),
      handler: new StaleWhileRevalidate({ cacheName: "static-assets" }),
    },
  ],
});

serwist.addEventListeners();
