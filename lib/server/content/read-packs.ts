import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadPack, type PackSource } from "@/lib/core/content/load";
import type { Pack } from "@/lib/core/content/schema";

// turbopackIgnore: content is read at run time from the working directory, not traced into the build.
export const CONTENT_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "content");

/** Reads one pack folder: `pack.yaml` plus every `*.yaml` under `facts/`, in name order. */
export function readPackSource(dir: string): PackSource {
  const rel = (file: string) => path.relative(/* turbopackIgnore: true */ process.cwd(), file);
  const metaFile = path.join(dir, "pack.yaml");
  const factsDir = path.join(dir, "facts");
  const names = readdirSync(factsDir).filter((n) => n.endsWith(".yaml")).sort();
  return {
    metaFile: rel(metaFile),
    metaText: readFileSync(metaFile, "utf8"),
    factFiles: names.map((n) => ({ file: rel(path.join(factsDir, n)), text: readFileSync(path.join(factsDir, n), "utf8") })),
  };
}

/** Loads every pack under `content/`, sorted by folder name; throws ContentError listing all problems. */
export function readPacks(contentDir: string = CONTENT_DIR): Pack[] {
  const folders = readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return folders.map((name) => loadPack(readPackSource(path.join(contentDir, name))));
}
