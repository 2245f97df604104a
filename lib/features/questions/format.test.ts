import { describe, expect, it } from "vitest";
import { FALSE, TRUE } from "@/lib/core/generate/types";
import { messagesFor, translator } from "@/lib/i18n";
import { answerLabel } from "./format";

describe("answerLabel", () => {
  const en = translator(messagesFor("en"));
  const zh = translator(messagesFor("zh-CN"));

  it("shows a true/false answer in the UI language", () => {
    expect([answerLabel(en, "tf", TRUE), answerLabel(en, "tf", FALSE)]).toEqual(["True", "False"]);
    expect([answerLabel(zh, "tf", TRUE), answerLabel(zh, "tf", FALSE)]).toEqual(["正确", "错误"]);
  });

  it("leaves every other answer as it is", () => {
    // A choice that happens to read 正确 is content, not a true/false answer.
    expect(answerLabel(en, "mc", TRUE)).toBe(TRUE);
    expect(answerLabel(en, "typed", "长江")).toBe("长江");
    // A true/false response typed some other way is shown as typed.
    expect(answerLabel(en, "tf", "对")).toBe("对");
  });
});
