import type { z } from "zod";
import { AppError, AppErrorCode } from "./errors";

/** Parses input with a schema; failures become AppError(INVALID_INPUT) with field -> message key. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "_";
    fields[field] ??= issue.message.startsWith("errors.") ? issue.message : "errors.INVALID_INPUT";
  }
  throw new AppError(AppErrorCode.InvalidInput, fields);
}

/** FormData to a plain object of its string fields (files are not accepted anywhere). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
  return out;
}
