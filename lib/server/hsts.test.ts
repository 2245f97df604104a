import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { strictTransportSecurity } from "./hsts";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// env() is read once per module instance: a fresh import per environment.
async function proxyWith(publicUrl: string) {
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  vi.resetModules();
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(`${publicUrl}/study`));
}

describe("Strict-Transport-Security", () => {
  it("is two years with subdomains for an https public URL, absent for http", () => {
    expect(strictTransportSecurity("https://recall.example.org")).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity("http://localhost:3000")).toBeUndefined();
    expect(strictTransportSecurity("http://192.168.1.20:3000")).toBeUndefined();
  });

  it("is sent on every page the proxy answers when NEXTAUTH_URL is https", async () => {
    expect((await proxyWith("https://recall.example.org")).headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect((await proxyWith("http://localhost:3000")).headers.get("strict-transport-security")).toBeNull();
  });
});
