import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authOptions } from "./options";

interface CookieOption {
  name: string;
  options: { secure: boolean; httpOnly: boolean; sameSite: string };
}
// next-auth's own cookie defaults (not in its package exports: loaded by path).
const { defaultCookies } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as {
  defaultCookies: (useSecureCookies: boolean) => { sessionToken: CookieOption };
};

// next-auth picks secure cookies from NEXTAUTH_URL: https → `__Secure-` name and the Secure flag.
// Our options must leave that default alone (no `useSecureCookies`, no custom `cookies`).
describe("session cookie", () => {
  it("is Secure and __Secure- prefixed over https, httpOnly and SameSite=Lax always", () => {
    const https = defaultCookies(true).sessionToken;
    expect(https.name).toBe("__Secure-next-auth.session-token");
    expect(https.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    const http = defaultCookies(false).sessionToken;
    expect(http.options).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
  });

  it("is not overridden by our options", () => {
    process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-at-least-32-characters!";
    const options = authOptions();
    expect(options.useSecureCookies).toBeUndefined();
    expect(options.cookies).toBeUndefined();
  });
});
