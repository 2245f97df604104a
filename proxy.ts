import { NextResponse, type NextRequest } from "next/server";

/** Next's own limit for a server action's body (next.config.js serverActions.bodySizeLimit, default 1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Two malformed requests Next answers with a 500 before any app code runs, answered here with
 * a clear 4xx in the app's shape ({ error: CODE }) instead:
 * - a path whose percent-encoding is broken (`/decks/%E0%A4%A`): Next fails to decode the params;
 * - a server action body over the limit: Next throws inside the action protocol.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json({ error: "INVALID_INPUT" }, { status: 400 });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > ACTION_BODY_LIMIT) return NextResponse.json({ error: "INVALID_INPUT" }, { status: 413 });
  }
  return NextResponse.next();
}

export const config = {
  // Not for static files: they never reach app code.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
