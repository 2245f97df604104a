import { describe, expect, it } from "vitest";
// The real content is read from disk by the server layer; only this test reaches for it (the
// generator itself stays pure and gets packs passed in).
// eslint-disable-next-line no-restricted-imports
import { readPacks } from "@/lib/server/content/read-packs";
import { classifiedMcVariant } from "./fronts";
import { generateBank } from "./index";
import { bankProblems } from "./test-invariants";
import { keyOf } from "./text";
import { questionForms, type Question } from "./types";

// The whole bank of the real content (content/), which grows while it is written: these are
// invariants, not snapshots (snapshots use the fixture pack, see generate.test.ts).
const packs = readPacks();
const bank = generateBank(packs);

describe("the generated bank of the real packs", () => {
  it("has questions for every pack", () => {
    for (const pack of packs) expect(bank.some((q) => q.pack === pack.id)).toBe(true);
  });

  it("holds every invariant (contract, one correct option, distractors wrong, facets, disputes)", () => {
    expect(bankProblems(packs, bank)).toEqual([]);
  });

  it("classifies every mc variant as recall or answered from its options (flashcard fronts)", () => {
    const unclassified = new Set(bank.filter((q) => q.form === "mc" && !classifiedMcVariant(q.variant)).map((q) => q.variant));
    expect([...unclassified]).toEqual([]);
  });

  it("has all seven forms", () => {
    expect(new Set(bank.map((q) => q.form))).toEqual(new Set(questionForms));
  });

  it("gives every mc exactly one correct option and no duplicate options", () => {
    for (const q of bank.filter((x) => x.form === "mc")) {
      const keys = (q.choices ?? []).map(keyOf);
      expect(new Set(keys).size, q.id).toBe(keys.length);
      expect(keys.filter((k) => k === keyOf(q.answer as string)).length, q.id).toBe(1);
      expect([3, 4]).toContain(keys.length);
    }
  });

  it("puts every answer among the choices where there are choices", () => {
    for (const q of bank) {
      if (!q.choices) continue;
      const rights = q.form === "match" ? (q.pairs ?? []).map((p) => p.right) : typeof q.answer === "string" ? [q.answer] : q.answer;
      for (const r of rights) expect(q.choices, q.id).toContain(r);
    }
  });

  it("gives every fact at least two forms, unless the only thing it could ask is disputed", () => {
    const excused: string[] = [];
    for (const pack of packs) {
      for (const f of pack.facts) {
        const forms = new Set(bank.filter((q) => q.pack === pack.id && q.factId === f.id).map((q) => q.form));
        if (forms.size >= 2) continue;
        expect(forms.size, f.id).toBe(0);
        expect(f.disputed, f.id).toBeDefined();
        excused.push(f.id);
      }
    }
    // Keep the list of silent facts visible in the test output when it changes.
    expect(excused.length).toBeLessThan(10);
  });

  it("has unique ids", () => {
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
  });

  it("is deterministic: generated twice, byte-identical JSON", () => {
    const again = generateBank(readPacks());
    expect(JSON.stringify(again)).toBe(JSON.stringify(bank));
  });

  it("keeps the export field order", () => {
    const order = ["id", "pack", "factId", "kind", "form", "prompt", "choices", "answer", "accept", "explanation", "section"];
    for (const q of bank.slice(0, 200)) {
      const keys = Object.keys(q).filter((k) => order.includes(k));
      expect(keys).toEqual(order.filter((k) => k in q));
    }
  });

  it("writes natural prompts: no empty quotes, no doubled punctuation, no template seams", () => {
    const bad = (q: Question) => /“”|《》|。。|？？|，，|：：|undefined|NaN|\[object/.test(`${q.prompt}${q.explanation}${JSON.stringify(q.choices ?? [])}`);
    expect(bank.filter(bad).map((q) => `${q.factId}/${q.form}/${q.variant}: ${q.prompt}`)).toEqual([]);
  });
});
