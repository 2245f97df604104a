import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropPostgresDatabase, ensurePostgresDatabase } from "@/lib/server/db/ensure-database";
import { migrateDeploy } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const PG_SERVER = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";

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
  migrateDeploy(url);
  project.provide("databaseUrl", url);
  return cleanup;
}
