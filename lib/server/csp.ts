// No `server-only`: proxy.ts imports this, and the unit test.

/**
 * The Content-Security-Policy of every page. Scripts: only those carrying this request's nonce,
 * and what they load ('strict-dynamic'); no inline script without the nonce. Styles keep
 * 'unsafe-inline': React `style` props (chart bars) are style attributes, which no nonce can
 * cover. `data:` images for generated images; worker and manifest from this origin (service worker).
 * In development React needs eval for its debugging tools.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
