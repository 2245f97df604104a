/**
 * Where to go after signing in or up: `value` only when it resolves to a page of this origin,
 * else "/". Resolved with the URL parser, as the browser will: it drops tabs and newlines and
 * reads `\` as `/`, so `/\evil.example` and `/\t/evil.example` are other hosts. The result is the
 * parsed path, query and fragment, so what is followed is what was checked.
 */
export function safeReturnPath(value: string | null | undefined, origin: string): string {
  if (!value) return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  return url.origin === new URL(origin).origin ? `${url.pathname}${url.search}${url.hash}` : "/";
}
