import { describe, expect, it } from "vitest";
import type { QuestionForm } from "@/lib/core/generate/types";
import { countMatchingFacts, selectQuestions, type Candidate } from "./select";

const forms: QuestionForm[] = ["mc", "tf", "typed"];
/** 30 facts in three topics, each with an mc, a tf and a typed question; one other pack. */
const candidates: Candidate[] = [
  ...Array.from({ length: 30 }, (_, i) =>
    forms.map((form) => ({ id: `q${String(i).padStart(2, "0")}${form}`, pack: "p", factId: `f${i}`, form, topic: `t${i % 3}` })),
  ).flat(),
  { id: "other", pack: "x", factId: "f0", form: "mc", topic: "t0" },
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
      ...Array.from({ length: 30 }, (_, i) => Array.from({ length: 9 }, (_, v) => ({ id: `v${i}-${v}`, pack: "p", factId: `f${i}`, form: "tf" as const, topic: `t${i % 3}` }))).flat(),
    ];
    const forms = selectQuestions(manyTf, all, "mix").map((id) => (id.startsWith("v") ? "tf" : byId.get(id)?.form));
    for (const form of ["mc", "tf", "typed"]) expect(forms.filter((f) => f === form).length).toBeGreaterThanOrEqual(5);
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
