import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/server/csp";
import { env } from "@/lib/server/env";
import { strictTransportSecurity } from "@/lib/server/hsts";

/** Next's own limit for a server action's body (next.config.js serverActions.bodySizeLimit, default 1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

const invalid = (status: number) => NextResponse.json({ error: "INVALID_INPUT" }, { status });

// In a text (non-multipart) reply React writes a literal leading "$" as "$$" and uses only these
// references; the others (Map, Set, FormData, promises, …) point at parts only a multipart body has.
const TEXT_REFERENCE = /^\$(\$|undefined$|-0$|NaN$|-?Infinity$|D|n-?\d+$|T)/;

/** A text action body as React's encodeReply makes it: a JSON array of arguments. */
function isTextReply(body: string): boolean {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return false;
  }
  const ok = (value: unknown): boolean => {
    if (typeof value === "string") return !value.startsWith("$") || TEXT_REFERENCE.test(value);
    if (Array.isArray(value)) return value.every(ok);
    if (value && typeof value === "object") return Object.values(value).every(ok);
    return true;
  };
  return Array.isArray(root) && ok(root);
}

/**
 * Malformed requests Next answers with a 500 before any app code runs, answered here with a
 * clear 4xx in the app's shape ({ error: CODE }) instead:
 * - a path whose percent-encoding is broken (`/decks/%E0%A4%A`): Next fails to decode the params;
 * - a server action body over the limit: Next throws inside the action protocol;
 * - a server action's text body that is not what React's reply encoding sends when the arguments
 *   need no multipart form (a JSON array, "$" references only to inline values): broken JSON, or
 *   a reference to a part that is not there, makes Next throw.
 * Multipart action bodies are left to Next (forms are decoded field by field).
 */
export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return invalid(400);
  }
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
