import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropPostgresDatabase, ensurePostgresDatabase } from "@/lib/server/db/ensure-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const PG_SERVER = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

function migrate(url: string) {
  const script = path.resolve(import.meta.dirname, "../../scripts/prisma.mjs");
  const result = spawnSync(process.execPath, [script, "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Makes a new, migrated database of one engine for this run and returns its teardown. */
export async function freshDatabase(project: TestProject, engine: "sqlite" | "postgres") {
  let url: string;
  let cleanup: () => Promise<void>;
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "delta-recall-db-"));
    url = `file:${path.join(dir, "test.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    url = `${PG_SERVER}/delta_recall_test_${randomBytes(4).toString("hex")}`;
    try {
      await ensurePostgresDatabase(url);
    } catch (error) {
      throw new Error(`PostgreSQL is not answering at ${PG_SERVER} (${(error as Error).message}). Start it, or set TEST_PG_URL.`);
    }
    cleanup = () => dropPostgresDatabase(url);
  }
  migrate(url);
  project.provide("databaseUrl", url);
  return cleanup;
}
