import "server-only";
import { AppError, AppErrorCode, errorResponse } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a browser sent this request from another site or origin. The session cookie is
 * SameSite=Lax, which stops cross-site POSTs but not same-site ones (another port or subdomain),
 * and a text/plain form POST needs no preflight; so writes check what the browser says, as Next
 * does for server actions: Sec-Fetch-Site, else Origin against the host. A request with neither
 * (curl, a script) is not a browser's and carries no one else's cookies.
 */
export function isCrossSite(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return origin === "null" || !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Wraps a route handler: a cross-site write is FORBIDDEN (isCrossSite); the handler's value
 * becomes a JSON response (a Response, e.g. a download, is sent as it is); an AppError becomes its status and code (lib/server/errors.ts);
 * anything else is a bug and is logged without reaching the client.
 */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<unknown>) {
  return async (...args: A): Promise<Response> => {
    try {
      const [request] = args;
      if (request instanceof Request && !SAFE_METHODS.has(request.method) && isCrossSite(request)) throw new AppError(AppErrorCode.Forbidden);
      const value = await handler(...args);
      // A Response (a download) is sent as it is.
      return value instanceof Response ? value : Response.json(value);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      console.error(error);
      return Response.json({ error: "INTERNAL" }, { status: 500 });
    }
  };
}

/** The request body as JSON; broken JSON or a body over `maxBytes` is an INVALID_INPUT. */
export async function readJson(request: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError(AppErrorCode.InvalidInput, { _: "errors.INVALID_INPUT" });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(AppErrorCode.InvalidInput, { _: "errors.INVALID_INPUT" });
  }
}
