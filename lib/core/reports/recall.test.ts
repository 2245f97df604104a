import { describe, expect, it } from "vitest";
import { recallTable } from "./recall";

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
