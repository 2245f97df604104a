// Builds the service worker into public/sw.js, after `next build` (it lists .next/static).
// Next 16 builds with Turbopack; @serwist/next's plugin hooks into webpack only and its
// configurator mode needs @serwist/cli, so the worker is bundled here with esbuild (shipped
// with tsx) and its precache list made by @serwist/build's getManifest.
import { existsSync } from "node:fs";
import path from "node:path";
import { getManifest } from "@serwist/build";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

export async function buildServiceWorker(): Promise<{ entries: number; bytes: number }> {
  const next = path.join(root, ".next");
  if (!existsSync(path.join(next, "BUILD_ID"))) throw new Error("run `next build` first: the worker precaches its output");
  const manifest = await getManifest({
    globDirectory: next,
    globPatterns: ["static/**/*.{js,css,woff2}"],
    // Hashed file names: no revision needed.
    dontCacheBustURLsMatching: /^static\//,
    manifestTransforms: [async (entries) => ({ manifest: entries.map((e) => ({ ...e, url: `/_next/${e.url}` })), warnings: [] })],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  for (const warning of manifest.warnings) console.warn(`service worker: ${warning}`);
  await build({
    entryPoints: [path.join(root, "lib/features/pwa/sw.ts")],
    outfile: path.join(root, "public/sw.js"),
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: { "self.__SW_MANIFEST": JSON.stringify(manifest.manifestEntries), "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return { entries: manifest.count, bytes: manifest.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServiceWorker().then(
    ({ entries, bytes }) => console.log(`service worker: public/sw.js, ${entries} files precached (${Math.round(bytes / 1024)} KiB)`),
    (error: unknown) => {
      console.error(`service worker: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
