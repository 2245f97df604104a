// `npm start`: check the environment and content, migrate, seed the demo accounts, build when
// the sources changed since the last build, then serve with `next start`.
// Every failure before serving is printed as one clear message, without a stack trace.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ContentError } from "@/lib/core/content/load";
import { DEMO_ACCOUNTS } from "@/lib/features/account/demo";
import { ensureDemoAccounts, ensureDemoClass } from "@/lib/features/account/mutations";
import { readPacks } from "@/lib/server/content/read-packs";
import { createDb } from "@/lib/server/db/create";
import { purgeExpiredLimits } from "@/lib/server/rate-limit";
import { ensurePostgresDatabase } from "@/lib/server/db/ensure-database";
import { EnvError, parseEnv } from "@/lib/server/env";
import { buildIsCurrent, writeBuildFingerprint } from "./build-fingerprint";
import { buildServiceWorker } from "./build-sw";
import { nextStartArgs } from "./lib/next-start";

const root = path.resolve(import.meta.dirname, "..");

function fail(message: string): never {
  console.error(`delta-recall: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) fail(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed`);
}

/** NEXTAUTH_SECRET, or outside production one generated once and kept in data/. */
function authSecret(given: string | undefined, production: boolean): string {
  if (given) return given;
  if (production) fail("NEXTAUTH_SECRET is required when NODE_ENV=production (at least 32 characters)");
  const file = path.join(root, "data", ".auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const production = env.nodeEnv === "production";

  try {
    const packs = readPacks();
    console.log(`content: ${packs.map((p) => `${p.id} (${p.facts.length} facts)`).join(", ")}`);
  } catch (error) {
    if (error instanceof ContentError) fail(`content pack is invalid:\n${error.message}`);
    throw error;
  }

  mkdirSync(path.join(root, "data"), { recursive: true });
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: env.database.url,
    DEMO: env.demo ? "1" : "0",
    NEXTAUTH_SECRET: authSecret(process.env.NEXTAUTH_SECRET, production),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${env.port}`,
  };

  if (env.database.engine === "postgres") {
    try {
      await ensurePostgresDatabase(env.database.url);
    } catch (error) {
      fail(`cannot reach PostgreSQL at ${env.database.url}: ${(error as Error).message}`);
    }
  } else {
    mkdirSync(path.dirname(env.database.file), { recursive: true });
  }
  run(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "deploy"], childEnv);

  const db = createDb(env.database);
  // WAL is a property of the SQLite file: readers no longer wait for the writer.
  if (env.database.engine === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  // Old rate-limit counters (lib/server/rate-limit.ts).
  await purgeExpiredLimits(db, new Date());
  if (env.demo) {
    await ensureDemoAccounts(db, DEMO_ACCOUNTS);
    console.log(`demo accounts: ${DEMO_ACCOUNTS.map((a) => `${a.email} / ${a.password}`).join(", ")}`);
    if (await ensureDemoClass(db, DEMO_ACCOUNTS, new Date())) console.log("demo class: the demo student is in it, with a quiz to take");
  }
  await db.$disconnect();

  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!buildIsCurrent(root)) {
    console.log("building the app (sources changed since the last build)…");
    run(process.execPath, [next, "build"], { ...childEnv, NODE_ENV: "production" });
    try {
      const sw = await buildServiceWorker();
      console.log(`service worker: public/sw.js, ${sw.entries} files precached`);
    } catch (error) {
      fail(`building the service worker failed: ${(error as Error).message}`);
    }
    writeBuildFingerprint(root);
  } else if (!existsSync(path.join(root, "public", "sw.js"))) {
    await buildServiceWorker().catch((error: unknown) => fail(`building the service worker failed: ${(error as Error).message}`));
  }

  const server = spawn(process.execPath, nextStartArgs(root, env.port), {
    cwd: root,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
