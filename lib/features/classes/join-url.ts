import "server-only";
import { env } from "@/lib/server/env";

/**
 * The absolute join link for a code, on the app's public URL (NEXTAUTH_URL): what students scan
 * from the projected QR code. Not from the request's Host or X-Forwarded-Host, which the client
 * writes.
 */
export function joinUrlFor(code: string): string {
  return new URL(`/join/${encodeURIComponent(code)}`, env().publicUrl).href;
}
