import { describe, expect, it } from "vitest";
import type { QuestionForm } from "@/lib/core/generate/types";
import { countMatchingFacts, redrawQuestions, selectQuestions, shuffledQuestions, swapQuestion, type Candidate } from "./select";

const forms: QuestionForm[] = ["mc", "tf", "typed"];
/** 30 facts in three topics, each with an mc, a tf and a typed question; one other pack. */
const candidates: Candidate[] = [
  ...Array.from({ length: 30 }, (_, i) =>
    forms.map((form) => ({ id: `q${String(i).padStart(2, "0")}${form}`, pack: "p", factId: `f${i}`, form, facet: "value", topic: `t${i % 3}` })),
  ).flat(),
  { id: "other", pack: "x", factId: "f0", form: "mc", facet: "value", topic: "t0" },
];
const byId = new Map(candidates.map((c) => [c.id, c]));
const all = { pack: "p", topics: [], forms, count: null };

describe("selectQuestions", () => {
  it("asks every matching fact once with `all`, in an order set by the seed", () => {
    const ids = selectQuestions(candidates, all, "assignment-1");
    expect(ids).toHaveLength(30);
    expect(new Set(ids.map((id) => byId.get(id)?.factId)).size).toBe(30);
    expect(ids).not.toContain("other");
    expect(selectQuestions(candidates, all, "assignment-1")).toEqual(ids);
    expect(selectQuestions(candidates, all, "assignment-2")).not.toEqual(ids);
  });

  it("does not depend on the order the bank lists questions in", () => {
    const reversed = [...candidates].reverse();
    expect(selectQuestions(reversed, { ...all, count: 10 }, "s")).toEqual(selectQuestions(candidates, { ...all, count: 10 }, "s"));
  });

  it("takes `count` questions of distinct facts, keeping the first ones when more are asked", () => {
    const five = selectQuestions(candidates, { ...all, count: 5 }, "seed");
    const ten = selectQuestions(candidates, { ...all, count: 10 }, "seed");
    expect(five).toHaveLength(5);
    expect(ten.slice(0, 5)).toEqual(five);
    expect(selectQuestions(candidates, { ...all, count: 100 }, "seed")).toHaveLength(30);
  });

  it("keeps to the chosen topics and forms; none chosen means every topic", () => {
    const ids = selectQuestions(candidates, { pack: "p", topics: ["t1"], forms: ["tf"], count: null }, "s");
    expect(ids).toHaveLength(10);
    for (const id of ids) expect(byId.get(id)).toMatchObject({ topic: "t1", form: "tf" });
    expect(selectQuestions(candidates, { pack: "p", topics: ["nope"], forms, count: 5 }, "s")).toEqual([]);
    expect(selectQuestions(candidates, { pack: "p", topics: [], forms: ["match"], count: 5 }, "s")).toEqual([]);
  });

  it("mixes the forms across facts, whatever the number of variants of each form", () => {
    // Every fact also has nine true/false variants: drawing a question at random would ask
    // mostly true/false; drawing a form first keeps the three forms about even.
    const manyTf = [
      ...candidates,
      ...Array.from({ length: 30 }, (_, i) => Array.from({ length: 9 }, (_, v) => ({ id: `v${i}-${v}`, pack: "p", factId: `f${i}`, form: "tf" as const, facet: "value", topic: `t${i % 3}` }))).flat(),
    ];
    const forms = selectQuestions(manyTf, all, "mix").map((id) => (id.startsWith("v") ? "tf" : byId.get(id)?.form));
    for (const form of ["mc", "tf", "typed"]) expect(forms.filter((f) => f === form).length).toBeGreaterThanOrEqual(5);
  });
});

describe("forms spread", () => {
  // Every fact has a tf question, a third also an mc, a third also a typed one: drawn per fact
  // uniformly, tf would take about two thirds of the set.
  const skewed: Candidate[] = Array.from({ length: 30 }, (_, i) => [
    { id: `s${i}tf`, pack: "p", factId: `f${i}`, form: "tf" as const, facet: "value", topic: "t" },
    ...(i % 3 === 1 ? [{ id: `s${i}mc`, pack: "p", factId: `f${i}`, form: "mc" as const, facet: "value", topic: "t" }] : []),
    ...(i % 3 === 2 ? [{ id: `s${i}typed`, pack: "p", factId: `f${i}`, form: "typed" as const, facet: "value", topic: "t" }] : []),
  ]).flat();
  const formOf = new Map(skewed.map((c) => [c.id, c.form]));

  it("gives no form more than about half of the set when other forms are there", () => {
    for (const seed of ["a", "b", "c", "d", "e"]) {
      const ids = selectQuestions(skewed, { pack: "p", topics: [], forms: ["mc", "tf", "typed"], count: 8 }, seed);
      const tf = ids.filter((id) => formOf.get(id) === "tf").length;
      expect(tf, seed).toBeLessThanOrEqual(4);
    }
  });

  it("gives only that form when the teacher chose only it", () => {
    const ids = selectQuestions(skewed, { pack: "p", topics: [], forms: ["tf"], count: 8 }, "a");
    expect(ids.every((id) => formOf.get(id) === "tf")).toBe(true);
  });
});

describe("later attempts and preview swaps", () => {
  /** Two facts, each with a "date" facet in three forms and a "place" facet in one. */
  const bank: Candidate[] = ["a", "b"].flatMap((fact) => [
    ...forms.map((form) => ({ id: `${fact}-date-${form}`, pack: "p", factId: fact, form, facet: "date", topic: "t" })),
    { id: `${fact}-place-mc`, pack: "p", factId: fact, form: "mc" as const, facet: "place", topic: "t" },
  ]);
  const byBankId = new Map(bank.map((c) => [c.id, c]));

  it("redraws each facet in its place, another form first, the same question when the facet has no other", () => {
    const next = redrawQuestions(bank, forms, ["a-date-mc", "b-place-mc"], new Set(["a-date-mc", "b-place-mc"]), "s");
    expect(next[0]).not.toBe("a-date-mc");
    expect(byBankId.get(next[0]!)).toMatchObject({ factId: "a", facet: "date" });
    expect(next[1]).toBe("b-place-mc");
    // A third attempt prefers what was not asked yet.
    const third = redrawQuestions(bank, forms, ["a-date-mc"], new Set(["a-date-mc", next[0]!]), "t");
    expect(third[0]).not.toBe(next[0]);
    expect(third[0]).not.toBe("a-date-mc");
    // Only the chosen forms.
    expect(redrawQuestions(bank, ["mc", "tf"], ["a-date-mc"], new Set(["a-date-mc"]), "s")).toEqual(["a-date-tf"]);
  });

  it("redraws in other words where the facet has them", () => {
    const worded: Candidate[] = [
      { id: "typed", pack: "p", factId: "a", form: "typed", facet: "value", topic: "t", prompt: "多少？" },
      { id: "numeric", pack: "p", factId: "a", form: "numeric", facet: "value", topic: "t", prompt: "多少？" },
      { id: "mc", pack: "p", factId: "a", form: "mc", facet: "value", topic: "t", prompt: "下列哪个？" },
    ];
    for (const seed of ["1", "2", "3", "4"]) expect(redrawQuestions(worded, ["typed", "numeric", "mc"], ["typed"], new Set(["typed"]), seed)).toEqual(["mc"]);
  });

  it("shuffles the same questions by the attempt's seed", () => {
    const ids = candidates.slice(0, 12).map((c) => c.id);
    const shuffled = shuffledQuestions(ids, "attempt-2");
    expect(shuffled).not.toEqual(ids);
    expect([...shuffled].sort()).toEqual([...ids].sort());
  });

  it("swaps a draft question for another of its facet, or for a fact not asked yet", () => {
    const filter = { pack: "p", topics: [], forms };
    expect(swapQuestion(bank, filter, ["a-date-mc"], "a-date-mc", "facet", "s")).toBe("a-date-tf");
    expect(swapQuestion(bank, filter, ["a-date-typed"], "a-date-typed", "facet", "s")).toBe("a-date-mc");
    expect(swapQuestion(bank, filter, ["a-place-mc"], "a-place-mc", "facet", "s")).toBeNull();
    expect(byBankId.get(swapQuestion(bank, filter, ["a-date-mc"], "a-date-mc", "fact", "s") ?? "")?.factId).toBe("b");
    expect(swapQuestion(bank, filter, ["a-date-mc", "b-date-mc"], "a-date-mc", "fact", "s")).toBeNull();
  });
});

describe("countMatchingFacts", () => {
  const facts = [
    { topic: "a", forms: ["mc", "tf"] as QuestionForm[] },
    { topic: "a", forms: ["order"] as QuestionForm[] },
    { topic: "b", forms: ["mc"] as QuestionForm[] },
  ];
  it("counts facts with a question in a chosen form and topic", () => {
    expect(countMatchingFacts(facts, [], ["mc"])).toBe(2);
    expect(countMatchingFacts(facts, ["a"], ["mc", "order"])).toBe(2);
    expect(countMatchingFacts(facts, ["b"], ["order"])).toBe(0);
    expect(countMatchingFacts(facts, [], [])).toBe(0);
  });
});
