// What one Prisma call costs beside the same SQL sent raw, in CPU time per call: the evidence
// for "Prisma 6 compiles every query on every call" in bench/README.md. Not part of `npm run bench`;
// it reads the SQLite file the reviews benchmark leaves (500 users, their cards):
//
//   node --conditions=react-server --import tsx bench/reviews.ts sqlite   (once, for the file)
//   node --conditions=react-server --import tsx bench/prisma-cost.ts
//
// Each pair reads the same rows: through the app's Prisma call (compiled to a plan on every call),
// through `$queryRaw` (the same client and adapter, a trivial plan), and on better-sqlite3 alone.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { createDb } from "@/lib/server/db/create";
import { queueCards } from "@/lib/features/study/data";
import type { UserId } from "@/lib/server/auth/session";
import { sqliteUrl } from "./lib/db";
import { log, round, runMain } from "./lib/util";

const CALLS = 3000;

async function cpuPerCall(fn: (userId: string) => Promise<unknown> | unknown, users: readonly string[]) {
  for (let i = 0; i < 300; i++) await fn(users[i % users.length] as string);
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await fn(users[i % users.length] as string);
  const used = process.cpuUsage(before);
  return round((used.user + used.system) / 1000 / CALLS, 3);
}

runMain(async () => {
  const { url, file } = sqliteUrl("reviews");
  if (!existsSync(file)) throw new Error(`${file} is missing: run bench/reviews.ts sqlite first`);
  const db = createDb({ engine: "sqlite", url, file });
  const plain = new Database(file, { readonly: true });
  const users = (await db.user.findMany({ select: { id: true }, take: 200 })).map((u) => u.id);
  const cardSql = plain.prepare(`SELECT id, pack, factId, facet, topic, suspended, lastForm, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview FROM "Card" WHERE userId = ?`);
  const userSql = plain.prepare(`SELECT id, name, email, role FROM "User" WHERE id = ?`);
  const result = {
    cards: {
      prisma: await cpuPerCall((id) => queueCards(db, id as UserId, {}), users),
      queryRaw: await cpuPerCall((id) => db.$queryRaw`SELECT id, pack, factId, facet, topic, suspended, lastForm, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview FROM "Card" WHERE userId = ${id}`, users),
      betterSqlite3: await cpuPerCall((id) => cardSql.all(id), users),
    },
    sessionUser: {
      prisma: await cpuPerCall((id) => db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true } }), users),
      queryRaw: await cpuPerCall((id) => db.$queryRaw`SELECT id, name, email, role FROM "User" WHERE id = ${id}`, users),
      betterSqlite3: await cpuPerCall((id) => userSql.all(id), users),
    },
  };
  log(`CPU ms per call (${CALLS} calls each): ${JSON.stringify(result)}`);
  plain.close();
  await db.$disconnect();
});
