import "server-only";
import { headers } from "next/headers";

/**
 * The absolute join link for a code, on the host the teacher is using: students scanning the
 * projected QR code reach the same site. A proxy's X-Forwarded-* headers take precedence.
 */
export async function joinUrlFor(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/join/${code}`;
}
