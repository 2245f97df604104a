// Applies the app's migrations to a database, as `npm start` does (scripts/prisma.mjs deploy),
// for the tools that make their own databases: the data-layer tests and the benchmarks.
import { spawnSync } from "node:child_process";
import path from "node:path";

const script = path.resolve(import.meta.dirname, "..", "prisma.mjs");

/** Runs `prisma migrate deploy` on `databaseUrl`; throws with the CLI's output when it fails. */
export function migrateDeploy(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [script, "deploy"], {
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}
