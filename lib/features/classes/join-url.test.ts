import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

describe("joinUrlFor", () => {
  it("builds the link on NEXTAUTH_URL, never on a request header", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://recall.example.org");
    const { joinUrlFor } = await import("./join-url");
    expect(joinUrlFor("ABC234")).toBe("https://recall.example.org/join/ABC234");
  });
});
