import { describe, expect, it } from "vitest";
import { isBlank, optionsOf, picksOption, responseText } from "./responses";

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
});
