import { describe, expect, it } from "vitest";
import { ACTION_BODY_MAX_DEPTH, isTextReply } from "./action-body";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("isTextReply", () => {
  it("takes what encodeReply sends as text: an argument list with inline references", () => {
    expect(isTextReply('["zh-CN"]')).toBe(true);
    expect(isTextReply('[{"title":"$$5 off","n":"$n12","d":"$D2026-01-01T00:00:00.000Z","u":"$undefined"}]')).toBe(true);
    expect(isTextReply("[]")).toBe(true);
  });

  it("refuses broken JSON, a root that is not a list and references to absent parts", () => {
    for (const body of ["", "[", "{}", '"x"', "null", '["$Q9"]', '["$@5"]', '[{"a":"$W2"}]', '["$nxyz"]']) expect(isTextReply(body), body).toBe(false);
  });

  it("refuses nesting beyond the cap without overflowing the stack, at any size", () => {
    expect(isTextReply(nested(ACTION_BODY_MAX_DEPTH))).toBe(true);
    expect(isTextReply(nested(ACTION_BODY_MAX_DEPTH + 1))).toBe(false);
    expect(isTextReply(nested(20_000))).toBe(false); // the 40 KB body that overflowed the recursive walk
    expect(isTextReply(`[${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]`)).toBe(false);
  });

  it("walks wide bodies whole", () => {
    expect(isTextReply(JSON.stringify([Array.from({ length: 50_000 }, (_, i) => ({ i: [String(i)] }))]))).toBe(true);
    expect(isTextReply(JSON.stringify([Array.from({ length: 50_000 }, (_, i) => (i === 49_999 ? "$Q1" : "x"))]))).toBe(false);
  });
});
