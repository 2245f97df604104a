import "server-only";
import { AppError, AppErrorCode, errorResponse } from "./errors";

/**
 * Wraps a route handler: its value becomes a JSON response (a Response, e.g. a download, is sent
 * as it is); an AppError becomes its status and
 * code (lib/server/errors.ts); anything else is a bug and is logged without reaching the client.
 */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<unknown>) {
  return async (...args: A): Promise<Response> => {
    try {
      const value = await handler(...args);
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
