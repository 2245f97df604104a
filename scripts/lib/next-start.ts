import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Node arguments that serve the built app with `next start`, the peer's address appended to
 * X-Forwarded-For first (scripts/peer-address.mjs): every way of serving it uses these.
 */
export function nextStartArgs(root: string, port: number): string[] {
  return ["--import", pathToFileURL(path.join(root, "scripts", "peer-address.mjs")).href, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)];
}
