import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFromUrl } from "./lib/server/db/url";

// The CLI runs on the JS schema engine through the same adapters as the app; the schema
// folder follows DATABASE_URL (scripts/prisma.mjs always sets it).
const database = databaseFromUrl(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", database.engine),
  migrations: { path: path.join("prisma", database.engine, "migrations") },
  adapter: async () =>
    database.engine === "postgres"
      ? new PrismaPg({ connectionString: database.url })
      : new PrismaBetterSQLite3({ url: database.file }),
});
