/** Deeper than any argument list the app's actions take; React's decoder recurses, so a deep body is refused first. */
export const ACTION_BODY_MAX_DEPTH = 64;

// In a text (non-multipart) reply React writes a literal leading "$" as "$$" and uses only these
// references; the others (Map, Set, FormData, promises, …) point at parts only a multipart body has.
const TEXT_REFERENCE = /^\$(\$|undefined$|-0$|NaN$|-?Infinity$|D|n-?\d+$|T)/;

/**
 * Whether a text action body is what React's encodeReply sends when the arguments need no
 * multipart form: a JSON array of arguments whose "$" strings refer only to inline values, nested
 * at most `maxDepth` deep. Walked with an explicit stack: a recursive walk overflowed on a 40 KB body.
 */
export function isTextReply(body: string, maxDepth = ACTION_BODY_MAX_DEPTH): boolean {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return false;
  }
  if (!Array.isArray(root)) return false;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (value.startsWith("$") && !TEXT_REFERENCE.test(value)) return false;
    } else if (value && typeof value === "object") {
      if (depth > maxDepth) return false;
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return true;
}
