import { describe, expect, it } from "vitest";
import { isBlank, optionsOf, picksOption, responseKey, responseText } from "./responses";

describe("responses", () => {
  it("joins lists the way the correct answer is shown", () => {
    expect(responseText("order", ["a", "b"])).toBe("a → b");
    expect(responseText("match", ["a => 1", "b => 2"])).toBe("a => 1；b => 2");
    expect(responseText("multi", ["a", "b"])).toBe("a、b");
    expect(responseText("typed", "长江")).toBe("长江");
  });

  it("treats empty text and empty lists as blank", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(" ")).toBe(true);
    expect(isBlank([])).toBe(true);
    expect(isBlank(["", " "])).toBe(true);
    expect(isBlank(["a"])).toBe(false);
  });

  it("has options only for mc and tf", () => {
    expect(optionsOf({ form: "mc", choices: ["a", "b", "c"] })).toEqual(["a", "b", "c"]);
    expect(optionsOf({ form: "tf" })).toEqual(["正确", "错误"]);
    expect(optionsOf({ form: "multi", choices: ["a"] })).toBeNull();
  });

  it("matches options as the grader reads them", () => {
    expect(picksOption("tf", "对", "正确")).toBe(true);
    expect(picksOption("tf", "也许", "错误")).toBe(false);
    expect(picksOption("mc", " 南京 ", "南京")).toBe(true);
    expect(picksOption("mc", "上海", "南京")).toBe(false);
  });

  it("keys typed and numeric responses the way the grader compares them", () => {
    const numeric = { form: "numeric", unit: "万亿元" } as const;
    // One number, however it is written; a share as a fraction, a percent or a decimal.
    expect(new Set(["29", "29万亿元", "二十九", " ２９ ", "约29"].map((r) => responseKey(numeric, r))).size).toBe(1);
    expect(responseKey(numeric, "30")).not.toBe(responseKey(numeric, "29"));
    const share = { form: "numeric", unit: "比例" } as const;
    expect(new Set(["1/4", "25%", "0.25", "四分之一"].map((r) => responseKey(share, r))).size).toBe(1);
    // Not a number: compared as text, and never equal to a number's key.
    expect(responseKey(numeric, "很多")).toBe("很多");
    expect(responseKey(numeric, "#29")).not.toBe(responseKey(numeric, "29"));
    expect(responseKey({ form: "typed" }, "長 江。")).toBe(responseKey({ form: "typed" }, "长江"));
  });
});
