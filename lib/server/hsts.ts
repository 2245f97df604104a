/**
 * The Strict-Transport-Security header for the app's public URL: two years, subdomains
 * included, when it is https; none over http (a browser told to remember would refuse the
 * plain-http site, e.g. a classroom server on the local network).
 */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return new URL(publicUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : undefined;
}
