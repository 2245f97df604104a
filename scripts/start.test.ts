import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Each case starts a Node process with tsx: seconds on a loaded machine, past the 5 s default.
describe("npm start refuses a bad environment before serving", { timeout: 60_000 }, () => {
  it("stops on a malformed DATABASE_URL with one clear line", () => {
    const result = start({ DATABASE_URL: "mysql://root@localhost/app" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^delta-recall: DATABASE_URL "mysql:\/\/root@localhost\/app" is not supported/)]);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("requires NEXTAUTH_SECRET in production", () => {
    const result = start({ NODE_ENV: "production", DATABASE_URL: "file:./data/never-created.db" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("delta-recall: NEXTAUTH_SECRET is required when NODE_ENV=production (at least 32 characters)");
  });
});
