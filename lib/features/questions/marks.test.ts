import { describe, expect, it } from "vitest";
import { FALSE, TRUE } from "@/lib/core/generate/types";
import { markAnswer } from "./marks";

const mc = { form: "mc" as const, choices: ["a", "b", "c"] };

describe("markAnswer", () => {
  it("marks an mc's right option and a wrong pick, and a right pick as both", () => {
    expect(markAnswer(mc, "b", { correct: false, key: "a" })).toEqual({
      kind: "options",
      rows: [
        { option: "a", key: true, picked: false, pick: null },
        { option: "b", key: false, picked: true, pick: "wrong" },
        { option: "c", key: false, picked: false, pick: null },
      ],
    });
    const right = markAnswer(mc, "a", { correct: true, key: "a" });
    expect(right.kind === "options" && right.rows[0]).toEqual({ option: "a", key: true, picked: true, pick: "right" });
  });

  it("without the key marks only the pick, as the verdict says, and never a right option", () => {
    const wrong = markAnswer(mc, "b", { correct: false });
    expect(wrong.kind === "options" && wrong.rows.map((r) => [r.key, r.pick])).toEqual([[null, null], [null, "wrong"], [null, null]]);
    const tf = markAnswer({ form: "tf" }, TRUE, { correct: true });
    expect(tf.kind === "options" && tf.rows.map((r) => [r.option, r.key, r.pick])).toEqual([[TRUE, null, "right"], [FALSE, null, null]]);
    // A multi's picks are not told apart unless the whole answer is right.
    const multi = { form: "multi" as const, choices: ["a", "b", "c"] };
    const partly = markAnswer(multi, ["a", "b"], { correct: false });
    expect(partly.kind === "options" && partly.rows.map((r) => r.pick)).toEqual([null, null, null]);
    const all = markAnswer(multi, ["a", "b"], { correct: true });
    expect(all.kind === "options" && all.rows.map((r) => r.pick)).toEqual(["right", "right", null]);
    const order = markAnswer({ form: "order" }, ["x", "y"], { correct: false });
    expect(order.kind === "order" && order.rows.map((r) => [r.right, r.belongsAt])).toEqual([[null, null], [null, null]]);
  });

  it("marks a multi's right options, wrong picks and missed ones", () => {
    const m = markAnswer({ form: "multi", choices: ["a", "b", "c", "d"] }, ["a", "c"], { correct: false, key: ["a", "b"] });
    expect(m.kind === "options" && m.rows.map((r) => [r.option, r.key, r.pick])).toEqual([
      ["a", true, "right"],
      ["b", true, null],
      ["c", false, "wrong"],
      ["d", false, null],
    ]);
  });

  it("marks an order row by row with where a wrong one belongs", () => {
    const m = markAnswer({ form: "order" }, ["b", "a", "c"], { correct: false, key: ["a", "b", "c"] });
    expect(m.kind === "order" && m.rows).toEqual([
      { item: "b", position: 1, right: false, belongsAt: 2 },
      { item: "a", position: 2, right: false, belongsAt: 1 },
      { item: "c", position: 3, right: true, belongsAt: null },
    ]);
  });

  it("marks a match per left item with the right pairing when wrong, and a blank pick", () => {
    const m = markAnswer({ form: "match", left: ["x", "y", "z"] }, ["x => 1", "y => 1", ""], { correct: false, key: ["x => 1", "y => 2", "z => 3"] });
    expect(m.kind === "match" && m.rows).toEqual([
      { left: "x", pick: "1", right: true, expected: null },
      { left: "y", pick: "1", right: false, expected: "2" },
      { left: "z", pick: null, right: false, expected: "3" },
    ]);
  });

  it("leaves typed and numeric to the expected text", () => {
    expect(markAnswer({ form: "typed" }, "x", { correct: false, key: "y" })).toEqual({ kind: "none" });
  });
});
