import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./index";

// A label's colon belongs to its catalogue value ("答案：" / "Answer: "): typed into a component
// after a translated label, a full-width colon showed in English too ("Answer：").

function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  return Object.values(node as Record<string, unknown>).flatMap(strings);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : sources(file);
    return file.endsWith(".tsx") ? [file] : [];
  });
}

describe("colons", () => {
  it("the English catalogue has no full-width colon", () => {
    expect(strings(messagesFor("en")).filter((s) => s.includes("："))).toEqual([]);
  });

  it("the Chinese catalogue has no ASCII colon in Chinese text", () => {
    expect(strings(messagesFor("zh-CN")).filter((s) => /\p{Script=Han}/u.test(s) && s.includes(":"))).toEqual([]);
  });

  it("no component types a full-width colon after a translated label", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const found = [...sources(path.join(root, "app")), ...sources(path.join(root, "lib"))].flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => /\bt\([^)]*\)\}(<\/\w+>)?\s*：/u.test(line))
        .map((line) => `${path.relative(root, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
