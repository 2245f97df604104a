import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const origin = "https://recall.example.org";

describe("safeReturnPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeReturnPath("/study?topic=发展历史#x", origin)).toBe("/study?topic=%E5%8F%91%E5%B1%95%E5%8E%86%E5%8F%B2#x");
    expect(safeReturnPath("/account", origin)).toBe("/account");
    expect(safeReturnPath("/join/ABC234", origin)).toBe("/join/ABC234");
    expect(safeReturnPath(`${origin}/stats`, origin)).toBe("/stats");
    // Encoded slashes stay encoded: a path on this host, not a host.
    expect(safeReturnPath("/%2F%2Fevil.example", origin)).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/%5Cevil.example", origin)).toBe("/%5Cevil.example");
  });

  it("sends every other host, scheme or malformed value home", () => {
    const payloads = [
      "//evil.example/x",
      "/\\evil.example/x",
      "\\\\evil.example/x",
      "/\t/evil.example/x",
      "/\n/evil.example/x",
      "/\r\n/evil.example/x",
      "\t//evil.example",
      " //evil.example",
      "/\\/evil.example",
      "https://evil.example/",
      "http://recall.example.org/", // same host, other scheme
      "https://recall.example.org:444/",
      "https://recall.example.org.evil.example/",
      "https://recall.example.org@evil.example/",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "http:evil.example",
      "https:\\\\evil.example",
      "http://[::1",
    ];
    for (const payload of payloads) expect(safeReturnPath(payload, origin), JSON.stringify(payload)).toBe("/");
  });

  it("sends an empty value home", () => {
    expect(safeReturnPath(undefined, origin)).toBe("/");
    expect(safeReturnPath(null, origin)).toBe("/");
    expect(safeReturnPath("", origin)).toBe("/");
  });

  it("refuses the payloads the old prefix check let through", () => {
    // `/\evil` and `/%09/evil` (decoded to a tab by the query string) both start with one slash.
    const query = new URLSearchParams("callbackUrl=/%09/evil.example/x&b=/%5Cevil.example/x");
    expect(safeReturnPath(query.get("callbackUrl"), origin)).toBe("/");
    expect(safeReturnPath(query.get("b"), origin)).toBe("/");
  });
});
