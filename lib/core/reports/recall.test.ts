import { describe, expect, it } from "vitest";
import { recallBand, recallTable, sortRecallRows, weakestTopics } from "./recall";

const share = (value: number, total: number) => ({ value, total, share: total === 0 ? 0 : value / total });

describe("recallTable", () => {
  it("weighs topics by facet count per student and students equally in the mean", () => {
    const table = recallTable(2, [
      // Topic 1: 4 facets with recall summing to 3 (0.75); topic 2: 1 facet at 0.5.
      { student: "a", byTopic: [share(3, 4), share(0.5, 1)] },
      // Nothing studied: 0 everywhere.
      { student: "b", byTopic: [share(0, 4), share(0, 1)] },
    ]);
    expect(table.rows).toEqual([
      // overall (3 + 0.5) / (4 + 1) = 0.7
      { student: "a", shares: [0.75, 0.5], overall: 0.7 },
      { student: "b", shares: [0, 0], overall: 0 },
    ]);
    // (0.75 + 0) / 2, (0.5 + 0) / 2, (0.7 + 0) / 2
    expect(table.mean).toEqual([0.375, 0.25]);
    expect(table.meanOverall).toBeCloseTo(0.35, 12);
  });

  it("has no means without students", () => {
    expect(recallTable(2, [])).toEqual({ rows: [], mean: [null, null], meanOverall: null });
  });
});

describe("recallBand", () => {
  it("bands by the whole percent shown", () => {
    expect([0, 0.494, 0.495, 0.79, 0.794, 0.795, 1].map(recallBand)).toEqual(["low", "low", "mid", "mid", "mid", "high", "high"]);
  });
});

describe("weakestTopics", () => {
  it("is the topic with the lowest class mean", () => {
    expect(weakestTopics([0.5, 0.2, 0.9])).toEqual([1]);
  });

  it("marks every topic tied at the lowest shown percent", () => {
    expect(weakestTopics([0.121, 0.5, 0.124, 0.2])).toEqual([0, 2]);
  });

  it("marks none when nothing stands out", () => {
    expect(weakestTopics([0, 0, 0])).toEqual([]);
    expect(weakestTopics([0.3])).toEqual([]);
    expect(weakestTopics([null, null])).toEqual([]);
  });
});

describe("sortRecallRows", () => {
  const row = (student: string, shares: number[], overall: number) => ({ student, shares, overall });
  // In name order, as getClassRecall gives them.
  const rows = [row("a", [0.5, 0.1], 0.3), row("b", [0.2, 0.9], 0.55), row("c", [0.5, 0], 0.25), row("d", [0.9, 0.4], 0.65)];
  const names = (key: Parameters<typeof sortRecallRows>[1], order: "asc" | "desc") => sortRecallRows(rows, key, order).map((r) => r.student);

  it("sorts by name either way", () => {
    expect(names({ by: "name" }, "asc")).toEqual(["a", "b", "c", "d"]);
    expect(names({ by: "name" }, "desc")).toEqual(["d", "c", "b", "a"]);
  });

  it("sorts by a topic, ties in name order both ways", () => {
    expect(names({ by: "topic", index: 0 }, "asc")).toEqual(["b", "a", "c", "d"]);
    expect(names({ by: "topic", index: 0 }, "desc")).toEqual(["d", "a", "c", "b"]);
    expect(names({ by: "topic", index: 1 }, "asc")).toEqual(["c", "a", "d", "b"]);
  });

  it("sorts by the overall figure", () => {
    expect(names({ by: "overall" }, "asc")).toEqual(["c", "a", "b", "d"]);
  });

  it("does not change the rows given", () => {
    sortRecallRows(rows, { by: "name" }, "desc");
    expect(rows.map((r) => r.student)).toEqual(["a", "b", "c", "d"]);
  });
});
