import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Components colour with the semantic tokens of app/globals.css only: a raw palette class or a
// `dark:` variant would escape the dark-mode override (and the contrast the a11y spec checked).

const root = path.resolve(import.meta.dirname, "../..");
const RAW = /\b(?:[a-z-]+:)*(?:bg|text|border|divide|outline|ring|fill|stroke|from|to|via|accent|decoration|placeholder)-(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|white|black)(?:-\d{2,3})?(?:\/\d+)?\b/g;
const DARK = /(?<![\w-])dark:[\w-]+/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
    return /\.tsx$/.test(entry.name) ? [file] : [];
  });
}

describe("colour tokens", () => {
  const files = [...sources(path.join(root, "app")), ...sources(path.join(root, "lib"))];

  it("finds the components", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("components use no raw palette colours and no dark: variants", () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return [...text.matchAll(RAW), ...text.matchAll(DARK)].map((m) => `${path.relative(root, file)}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });

  it("every token is defined for light and redefined for dark", () => {
    const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
    const theme = css.slice(css.indexOf("@theme"), css.indexOf("}", css.indexOf("@theme")));
    const dark = css.slice(css.indexOf("prefers-color-scheme: dark"));
    const tokens = [...theme.matchAll(/--color-([\w-]+):/g)].map((m) => m[1]);
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.filter((token) => !dark.includes(`--color-${token}:`))).toEqual([]);
  });
});
