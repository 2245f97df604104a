import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; the data layer is tested in plain Node.
  "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts"),
};

// Projects: `unit` (pure, no database) and `db-sqlite` / `db-postgres` (the same data-layer
// tests, each on a fresh database of that engine made by test/db/setup-*). Scripts set TZ=America/New_York so date code is tested off UTC.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      ...(["sqlite", "postgres"] as const).map((engine) => ({
        resolve: { alias },
        test: {
          name: `db-${engine}`,
          include: ["test/db/**/*.test.ts"],
          environment: "node",
          globalSetup: [`test/db/setup-${engine}.ts`],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
