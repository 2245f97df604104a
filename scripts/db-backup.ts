// `npm run db:backup -- <dest>`: a consistent copy of the SQLite database, safe while the app
// runs. Uses SQLite's online backup API (better-sqlite3 `backup()`, the driver Prisma's SQLite
// adapter ships with): pages are copied in steps, and writes made meanwhile restart the copy of
// what changed, so the copy is one point in time, WAL included. Copying the .db file with `cp`
// is not safe: it misses the -wal file and can catch a half-written page.
// PostgreSQL: use `pg_dump -Fc` (README, Backups).
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { databaseFromUrl } from "@/lib/server/db/url";

interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}
interface SqliteDatabase {
  backup(destination: string): Promise<BackupProgress>;
  pragma(source: string, options: { simple: true }): unknown;
  close(): void;
}
type SqliteOpen = new (file: string, options: { fileMustExist?: boolean; readonly?: boolean; timeout?: number }) => SqliteDatabase;

// better-sqlite3 comes with @prisma/adapter-better-sqlite3 and has no bundled types.
const Database = createRequire(import.meta.url)("better-sqlite3") as SqliteOpen;

function fail(message: string): never {
  console.error(`db:backup: ${message}`);
  process.exit(1);
}

async function main() {
  const dest = process.argv[2];
  if (!dest) fail("usage: npm run db:backup -- <destination file>");
  const target = databaseFromUrl(process.env.DATABASE_URL);
  if (target.engine !== "sqlite") fail("DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (see README, Backups)");
  if (!existsSync(target.file)) fail(`no database at ${target.file}`);
  const destination = path.resolve(dest);
  if (destination === target.file) fail("the destination is the database itself");
  if (existsSync(destination)) fail(`${destination} exists; choose a new file`);

  const source = new Database(target.file, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  const copy = new Database(destination, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") fail(`the copy failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  console.log(`db:backup: ${target.file} -> ${destination} (${statSync(destination).size} bytes, integrity ok)`);
}

void main();
