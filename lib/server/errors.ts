/**
 * Every refusal the server gives has one of these codes; `httpStatus` is the only place they
 * become HTTP statuses, and messages shown to users come from the catalogue under `errors.*`.
 */
export const AppErrorCode = {
  Unauthorized: "UNAUTHORIZED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  InvalidInput: "INVALID_INPUT",
  Conflict: "CONFLICT",
  RateLimited: "RATE_LIMITED",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const statusOf: Record<AppErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    /** Field-level problems for forms: field name -> catalogue key. */
    readonly fields?: Record<string, string>,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export function httpStatus(code: AppErrorCode): number {
  return statusOf[code];
}

/** What a server action returns: data, or a code the form can translate. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; fields?: Record<string, string> };

/** Runs an action body; AppErrors become results, anything else is rethrown (a real bug). */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) {
      return error.fields ? { ok: false, code: error.code, fields: error.fields } : { ok: false, code: error.code };
    }
    throw error;
  }
}

/** A JSON response for a route handler, from an AppError or a plain value. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.code, fields: error.fields }, { status: httpStatus(error.code) });
  }
  throw error;
}
