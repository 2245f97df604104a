import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode, randomJoinCode } from "./join-code";

describe("join codes", () => {
  it("has no look-alike characters", () => {
    for (const c of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("makes six characters of the alphabet, and different ones", () => {
    const codes = Array.from({ length: 500 }, randomJoinCode);
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const c of code) expect(JOIN_CODE_ALPHABET).toContain(c);
    }
    expect(new Set(codes).size).toBeGreaterThan(495);
  });

  it("reads a typed code in any case, with spaces or a dash", () => {
    expect(normalizeJoinCode("abc234")).toBe("ABC234");
    expect(normalizeJoinCode(" abc-234 ")).toBe("ABC234");
    expect(normalizeJoinCode("ABC 234")).toBe("ABC234");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizeJoinCode("ABC23")).toBeNull();
    expect(normalizeJoinCode("ABC2345")).toBeNull();
    expect(normalizeJoinCode("ABC10O")).toBeNull();
    expect(normalizeJoinCode("")).toBeNull();
    expect(normalizeJoinCode("班级代码一二")).toBeNull();
  });
});
