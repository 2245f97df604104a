// Databases for the benchmarks: SQLite files under data/bench/, PostgreSQL databases named
// bench_* (dropped and created afresh on each run). Migrations: scripts/lib/migrate.ts, or `npm start`.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dropPostgresDatabase, ensurePostgresDatabase } from "@/lib/server/db/ensure-database";
import { PG_BASE, WORK_DIR } from "./util";

export function sqliteUrl(name: string): { url: string; file: string } {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `${name}.db`);
  return { url: `file:${file}`, file };
}

export function removeSqlite(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);
}

function benchDatabase(name: string): string {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  return `${PG_BASE}/${name}`;
}

/** Drops and creates the PostgreSQL database `name` (must start with bench_); returns its URL. */
export async function freshPostgres(name: string): Promise<string> {
  const url = benchDatabase(name);
  await dropPostgresDatabase(url);
  await ensurePostgresDatabase(url);
  return url;
}

export async function dropPostgres(name: string) {
  await dropPostgresDatabase(benchDatabase(name));
}

