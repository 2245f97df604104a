import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SubmitButton } from "./submit-button";

describe("SubmitButton", () => {
  it("is a disabled submit button in the server's HTML, so a tap before hydration cannot submit the form natively", () => {
    const html = renderToString(createElement(SubmitButton, null, "提交"));
    expect(html).toMatch(/^<button [^>]*type="submit" disabled=""[^>]*>/);
    expect(html).toContain(">提交</button>");
  });
});
