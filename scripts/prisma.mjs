#!/usr/bin/env node
// The one way this project calls the Prisma CLI (6.19 on its JS engines).
//   node scripts/prisma.mjs generate          both clients (postinstall)
//   node scripts/prisma.mjs deploy            apply migrations to DATABASE_URL (start, tests)
//   node scripts/prisma.mjs migration NAME    new migration for SQLite and PostgreSQL
// Why a wrapper: the shared models.prisma must sit in each schema folder, and the CLI needs
// existing (dummy) engine paths, or it reports a schema error as a failed engine download.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const engines = ["sqlite", "postgres"];
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");

function syncModels() {
  for (const engine of engines) {
    copyFileSync(path.join(root, "prisma", "models.prisma"), path.join(root, "prisma", engine, "models.prisma"));
  }
}

function dummyEngine() {
  const dir = path.join(tmpdir(), "delta-recall-prisma");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "not-used");
  if (!existsSync(file)) writeFileSync(file, "");
  return file;
}

function prisma(args, env = {}, capture = false) {
  const dummy = dummyEngine();
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: dummy,
      PRISMA_SCHEMA_ENGINE_BINARY: dummy,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      ...env,
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout;
}

// `generate` needs a URL of the right kind only; `migrate diff` on the JS engine also connects,
// so a migration needs the local PostgreSQL server (override with MIGRATION_PG_URL).
const sampleUrl = {
  sqlite: `file:${path.join(tmpdir(), "delta-recall-diff.db")}`,
  postgres: process.env.MIGRATION_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

function generate() {
  syncModels();
  for (const engine of engines) {
    prisma(["generate", "--schema", `prisma/${engine}`], { DATABASE_URL: process.env.DATABASE_URL ?? sampleUrl[engine] });
  }
}

function deploy() {
  syncModels();
  prisma(["migrate", "deploy"]);
}

function migration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration NAME   (NAME: lower_snake_case)");
    process.exit(2);
  }
  syncModels();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const engine of engines) {
    const folder = path.join(root, "prisma", engine);
    // The schema as of the last migration, so a diff needs no migration history replayed. Kept
    // outside the schema folder: the CLI reads every *.prisma file inside it.
    const snapshot = path.join(root, "prisma", "snapshots", `${engine}.prisma`);
    const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = prisma(
      ["migrate", "diff", ...from, "--to-schema-datamodel", `prisma/${engine}`, "--script"],
      { DATABASE_URL: sampleUrl[engine] },
      true,
    );
    if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
      console.log(`${engine}: no changes`);
      continue;
    }
    const dir = path.join(folder, "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(folder, "migrations", "migration_lock.toml");
    if (!existsSync(lock)) {
      const provider = engine === "postgres" ? "postgresql" : "sqlite";
      writeFileSync(lock, `# Written by scripts/prisma.mjs; do not edit.\nprovider = "${provider}"\n`);
    }
    const main = readFileSync(path.join(folder, "main.prisma"), "utf8");
    const models = readFileSync(path.join(folder, "models.prisma"), "utf8");
    writeFileSync(snapshot, `${main}\n${models}`);
    console.log(`${engine}: wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

const [command, arg] = process.argv.slice(2);
if (command === "generate") generate();
else if (command === "deploy") deploy();
else if (command === "migration") migration(arg);
else {
  console.error("usage: node scripts/prisma.mjs generate | deploy | migration NAME");
  process.exit(2);
}
