import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import type { DatabaseTarget } from "./url";

/**
 * The two generated clients have the same models and API; the SQLite one's type stands for both.
 * Code that needs provider-specific SQL checks `db.$engine`.
 */
export type Db = SqliteClient & { $engine: DatabaseTarget["engine"] };

/** A client for a database target. The app uses lib/server/db/client.ts; tests and scripts call this. */
export function createDb(target: DatabaseTarget): Db {
  if (target.engine === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return Object.assign(client as unknown as SqliteClient, { $engine: "postgres" as const });
  }
  // WAL lets readers run beside the writer; the busy timeout makes concurrent writers wait
  // instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: 5000 });
  const client = new SqliteClient({ adapter });
  return Object.assign(client, { $engine: "sqlite" as const });
}
