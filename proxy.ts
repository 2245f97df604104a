import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/server/csp";

/**
 * A fresh nonce per request for the Content-Security-Policy. Next reads the nonce from the
 * request's CSP header and puts it on its own scripts (bootstrap, RSC payload), so no script runs
 * without it. The other security headers are static and stay in next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Everything but build assets, which are never documents.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
