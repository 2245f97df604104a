import { describe, expect, it } from "vitest";
import { FALSE, TRUE, type Question } from "@/lib/core/generate/types";
import { pickFlashcardQuestion } from "./flashcard";

const q = (id: string, form: Question["form"], over: Partial<Question> = {}): Question => ({
  id,
  pack: "p",
  factId: "f",
  kind: "event",
  form,
  prompt: id,
  answer: "2018",
  explanation: "",
  section: "s",
  facet: "date",
  variant: "year",
  ...over,
});

describe("pickFlashcardQuestion", () => {
  it("prefers recall forms, and another form than the last when there is one", () => {
    const facet = [q("mc", "mc"), q("tf", "tf", { answer: TRUE }), q("typed", "typed"), q("order", "order")];
    expect(pickFlashcardQuestion(facet, null, "s")?.form).toBe("typed");
    expect(pickFlashcardQuestion(facet, "typed", "s")?.form).toBe("order");
    expect(pickFlashcardQuestion(facet, "order", "s")?.form).toBe("typed");
    expect(pickFlashcardQuestion([q("mc", "mc"), q("numeric", "numeric")], "numeric", "s")?.form).toBe("mc");
  });

  it("never shows a false statement, and a true one only when nothing else is left", () => {
    for (let i = 0; i < 50; i++) {
      expect(pickFlashcardQuestion([q("f", "tf", { answer: FALSE }), q("m", "mc")], "mc", `s${i}`)?.id).toBe("m");
      expect(pickFlashcardQuestion([q("t", "tf", { answer: TRUE }), q("m", "mc")], "mc", `s${i}`)?.id).toBe("m");
    }
    expect(pickFlashcardQuestion([q("t", "tf", { answer: TRUE }), q("f", "tf", { answer: FALSE })], null, "s")?.id).toBe("t");
    expect(pickFlashcardQuestion([q("f", "tf", { answer: FALSE })], null, "s")).toBeNull();
  });

  it("takes an mc asked as recall before one answered from its options", () => {
    const facet = [q("bound", "mc", { variant: "outsider" }), q("recall", "mc", { variant: "label-1" }), q("t", "tf", { answer: TRUE })];
    for (let i = 0; i < 20; i++) expect(pickFlashcardQuestion(facet, null, `s${i}`)?.id).toBe("recall");
    expect(pickFlashcardQuestion([q("bound", "mc", { variant: "outsider" }), q("f", "tf", { answer: FALSE })], null, "s")?.id).toBe("bound");
  });

  it("is deterministic in the seed and reaches each question of the chosen form", () => {
    const facet = [q("a", "typed"), q("b", "typed"), q("c", "mc")];
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const p = pickFlashcardQuestion(facet, null, `s${i}`);
      expect(pickFlashcardQuestion([...facet].reverse(), null, `s${i}`)?.id).toBe(p?.id);
      seen.add(p!.id);
    }
    expect(seen).toEqual(new Set(["a", "b"]));
  });
});
