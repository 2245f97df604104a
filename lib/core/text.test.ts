import { describe, expect, it } from "vitest";
import { text, TEXT_ERROR } from "./text";

describe("text", () => {
  const name = text().trim().min(1).max(50);

  it("refuses NUL, other C0 and C1 controls, DEL and bidi overrides or isolates anywhere in the string", () => {
    for (const bad of ["a\u0000", "\u0001b", "a\tb", "a\nb", "a\rb", "x\u001f", "x\u007f", "x\u0085", "x\u009f", "\u202ex", "x\u202a", "x\u2066", "x\u2069"]) {
      const result = name.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(TEXT_ERROR);
    }
  });

  it("keeps everything else: any script, emoji, joiners, the marks that only hint direction", () => {
    for (const good of ["小明", "Zoë", "😀👩‍👩‍👧", "عربي", "a\u200fb", "a\u200db", " 空格 "]) expect(name.safeParse(good).success, good).toBe(true);
    expect(name.parse("  小明  ")).toBe("小明");
  });
});
