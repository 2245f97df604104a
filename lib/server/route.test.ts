import { describe, expect, it } from "vitest";
import { isCrossSite, jsonRoute } from "./route";

const post = (headers: Record<string, string>) => new Request("http://app.test/api/reviews", { method: "POST", headers, body: "{}" });

describe("isCrossSite", () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isCrossSite(post({ "sec-fetch-site": "same-origin", host: "app.test" }))).toBe(false);
    expect(isCrossSite(post({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSite(post({ "sec-fetch-site": "same-site", origin: "http://app.test", host: "app.test" }))).toBe(true);
    expect(isCrossSite(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("else compares Origin with the (forwarded) host", () => {
    expect(isCrossSite(post({ origin: "http://app.test", host: "app.test" }))).toBe(false);
    expect(isCrossSite(post({ origin: "http://app.test:8080", host: "app.test" }))).toBe(true);
    expect(isCrossSite(post({ origin: "https://school.example", host: "10.0.0.5:3000", "x-forwarded-host": "school.example" }))).toBe(false);
    expect(isCrossSite(post({ origin: "null", host: "app.test" }))).toBe(true);
    expect(isCrossSite(post({ origin: "not a url", host: "app.test" }))).toBe(true);
  });

  it("lets a request with neither header through: not a browser, no one else's cookies", () => {
    expect(isCrossSite(post({ host: "app.test" }))).toBe(false);
  });
});

describe("jsonRoute", () => {
  const handler = jsonRoute(async (request: Request) => ({ method: request.method }));

  it("refuses a cross-site write with 403 before running the handler", async () => {
    const response = await handler(post({ "sec-fetch-site": "cross-site" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "FORBIDDEN" });
  });

  it("answers reads whatever their origin", async () => {
    const response = await handler(new Request("http://app.test/api/study/queue", { headers: { "sec-fetch-site": "cross-site" } }));
    expect(await response.json()).toEqual({ method: "GET" });
  });
});
