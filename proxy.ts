import { NextResponse, type NextRequest } from "next/server";
import { UNSAFE_CHARS } from "@/lib/core/text";
import { isTextReply } from "@/lib/server/action-body";
import { contentSecurityPolicy } from "@/lib/server/csp";
import { env } from "@/lib/server/env";
import { strictTransportSecurity } from "@/lib/server/hsts";

/** Next's own limit for a server action's body (next.config.js serverActions.bodySizeLimit, default 1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

const invalid = (status: number) => NextResponse.json({ error: "INVALID_INPUT" }, { status });

/**
 * Malformed requests Next answers with a 500 before any app code runs, answered here with a
 * clear 4xx in the app's shape ({ error: CODE }) instead:
 * - a path whose percent-encoding is broken (`/decks/%E0%A4%A`): Next fails to decode the params;
 * - a path with a control or bidi character (lib/core/text.ts): pages pass path segments to
 *   queries as ids, and PostgreSQL fails on a NUL in text;
 * - a server action body over the limit: Next throws inside the action protocol;
 * - a server action's text body that is not what React's reply encoding sends when the arguments
 *   need no multipart form (a JSON array, "$" references only to inline values): broken JSON, or
 *   a reference to a part that is not there, makes Next throw; so does nesting deep enough to
 *   overflow its decoder's stack.
 * Multipart action bodies are left to Next (forms are decoded field by field).
 */
export async function proxy(request: NextRequest) {
  let path: string;
  try {
    path = decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return invalid(400);
  }
  if (UNSAFE_CHARS.test(path)) return invalid(400);
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > ACTION_BODY_LIMIT) return invalid(413);
    if (request.headers.get("content-type")?.startsWith("text/plain") && !isTextReply(await request.clone().text())) return invalid(400);
  }
  return withNonce(request);
}

/**
 * A fresh nonce per request for the Content-Security-Policy (lib/server/csp.ts). Next reads the
 * nonce from the request's CSP header and puts it on its own scripts (bootstrap, RSC payload), so
 * no script runs without it. The other security headers are static, in next.config.js.
 */
function withNonce(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  // Here, not in next.config.js: its headers are fixed at build time, NEXTAUTH_URL is read at start.
  const hsts = strictTransportSecurity(env().publicUrl);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Not for static files: they never reach app code.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
