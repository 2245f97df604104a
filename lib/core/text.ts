import { z } from "zod";

/**
 * Characters no user-supplied string may hold: C0 controls (tab and line breaks too: no field
 * takes more than one line), DEL, C1 controls, and the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) that make a name or an answer display as something else.
 * PostgreSQL refuses NUL in text (22021), so on it a NUL that got through was a 500.
 */
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const TEXT_ERROR = "errors.textUnsafe";

/**
 * A string field of user input: every schema's strings start here (then `.trim()`, bounds, …),
 * so the rule above holds for names, titles, ids, answers and query parameters alike.
 */
export function text(message?: string) {
  return z.string(message).refine((s) => !UNSAFE_CHARS.test(s), TEXT_ERROR);
}
