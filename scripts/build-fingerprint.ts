import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What the production build depends on. Generated Prisma clients follow models.prisma.
const inputs = ["app", "lib", "content", "public", "proxy.ts", "prisma/models.prisma", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "scripts/build-sw.ts"];
// public/sw.js is an output of the build (scripts/build-sw.ts), not an input.
const skip = new Set(["generated", "node_modules", "sw.js"]);

function walk(file: string, out: string[]) {
  if (!existsSync(file)) return;
  const stat = statSync(file);
  if (stat.isDirectory()) {
    for (const name of readdirSync(file).sort()) if (!skip.has(name)) walk(path.join(file, name), out);
  } else {
    out.push(`${file}:${stat.size}:${stat.mtimeMs}`);
  }
}

function fingerprint(root: string): string {
  const lines: string[] = [];
  for (const input of inputs) walk(path.join(root, input), lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

const stamp = (root: string) => path.join(root, ".next", "source-fingerprint");

/** True when `.next` holds a build of the current sources (by path, size and mtime). */
export function buildIsCurrent(root: string): boolean {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stamp(root))) return false;
  return readFileSync(stamp(root), "utf8") === fingerprint(root);
}

export function writeBuildFingerprint(root: string) {
  writeFileSync(stamp(root), fingerprint(root));
}
