// Benchmark 2: the due queue at scale. Needs the react-server condition (it calls lib/features):
//
//   node --conditions=react-server --import tsx bench/queue.ts            1M and 10M on SQLite, 1M on PostgreSQL
//   BENCH_SKIP_10M=1 BENCH_SKIP_PG=1 node --conditions=react-server --import tsx bench/queue.ts
//   BENCH_SKIP_SQLITE=1 node --conditions=react-server --import tsx bench/queue.ts   PostgreSQL 1M only (seconds, not minutes)
//
// Seeds users × 100 card states (facets of the real bank, due dates spread over −10…+30 days,
// mostly Review cards, some learning, some suspended) and 10 log rows per user (5 of them today),
// directly in the database: better-sqlite3, one transaction per chunk of users, rows in key order;
// on PostgreSQL one INSERT … SELECT over generate_series. The 10M step grows the 1M database.
// Then, for random users, times the app's own reads with its Prisma client:
//   nextDue:  getStudyQueue's card read (queueCards: the user's cards, the queue's columns) + buildQueue, first 20
//   today:    getStudyQueue's log read for today (todayOf: the user's log rows of the day + todayCounts)
//   studyQueue: the whole getStudyQueue (three reads, the queue, ten items with questions), for reference
// and prints the query plan of the SQL those calls send (captured from Prisma's query log).
import { statfsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { buildQueue, DEFAULT_SETTINGS, learnerDay } from "@/lib/core/schedule";
import { getStudyQueue, newFacetsOf, queueCards, todayOf } from "@/lib/features/study/data";
import { getFacetIndex } from "@/lib/features/study/facets";
import type { UserId } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { PrismaClient as PostgresClient } from "@/lib/server/db/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/server/db/generated/sqlite/client";
import { migrateDeploy } from "../scripts/lib/migrate";
import { dropPostgres, freshPostgres, removeSqlite, sqliteUrl } from "./lib/db";
import { emit, log, round, runMain, summary, WORK_DIR } from "./lib/util";

const CARDS_PER_USER = 100;
const LOGS_PER_USER = 10;
const SAMPLES = 300;
const TARGETS = { p95Ms: 5, growth10x: 2 };
const DAY = 86_400_000;

const userId = (u: number) => `u${String(u).padStart(7, "0")}`;

/** Deterministic per-user, per-card numbers (no RNG state to carry across chunks). */
function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) / 2 ** 32;
}

interface Sql {
  sql: string;
  params: string;
}

function clientWithLog(engine: "sqlite" | "postgres", url: string, file?: string): { db: Db; queries: Sql[] } {
  const queries: Sql[] = [];
  const options = { log: [{ emit: "event" as const, level: "query" as const }] };
  const client =
    engine === "sqlite"
      ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file!, timeout: 5000 }), ...options })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), ...options }) as unknown as SqliteClient);
  (client as unknown as { $on(e: "query", cb: (e: { query: string; params: string }) => void): void }).$on("query", (e) => {
    queries.push({ sql: e.query, params: e.params });
  });
  return { db: Object.assign(client, { $engine: engine }), queries };
}

/** Card rows of user u: 100 distinct facets of the bank, due −10…+30 days around now. */
function* cardRows(u: number, now: number, facets: ReturnType<typeof getFacetIndex>["facets"]) {
  const offset = Math.floor(mix(u, 0) * facets.length);
  for (let i = 0; i < CARDS_PER_USER; i++) {
    const f = facets[(offset + i) % facets.length]!;
    const r = mix(u, i + 1);
    const learning = r < 0.05;
    const due = learning ? now - 60_000 + r * 3_600_000 : now + Math.floor((r * 40 - 10) * DAY);
    const stability = learning ? 0.5 : 1 + r * 60;
    yield {
      id: `c${String(u).padStart(7, "0")}${String(i).padStart(3, "0")}`,
      userId: userId(u),
      pack: f.pack,
      factId: f.factId,
      facet: f.facet,
      topic: f.topic,
      due: new Date(due),
      stability,
      difficulty: 3 + r * 5,
      scheduledDays: learning ? 0 : Math.max(1, Math.round(stability)),
      learningSteps: learning ? 1 : 0,
      reps: 1 + Math.floor(r * 10),
      lapses: Math.floor(r * 3),
      state: learning ? 1 : 2,
      lastReview: new Date(now - Math.floor(r * 20 + 1) * DAY),
      lastForm: "mc",
      suspended: r > 0.98,
    };
  }
}

function* logRows(u: number, now: number, todayKey: string, yesterdayKey: string) {
  for (let i = 0; i < LOGS_PER_USER; i++) {
    const today = i < LOGS_PER_USER / 2;
    const at = new Date(now - (today ? (i + 1) * 60_000 : DAY + i * 60_000));
    yield {
      id: `l${String(u).padStart(7, "0")}${String(i).padStart(3, "0")}`,
      userId: userId(u),
      cardId: `c${String(u).padStart(7, "0")}${String(i * 3).padStart(3, "0")}`,
      clientId: `seed-${u}-${i}`,
      rating: 3,
      reviewedAt: at,
      dayKey: today ? todayKey : yesterdayKey,
      prevState: i % 2 === 0 ? 0 : 2,
      prevDue: at,
      prevStability: 1,
      prevDifficulty: 5,
      prevScheduledDays: 1,
      prevLearningSteps: 0,
    };
  }
}

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** Adds users [from, to) with their cards and logs to the SQLite file, in chunks of 2,000 users. */
function seedSqlite(file: string, from: number, to: number, now: number, keys: { today: string; yesterday: string }) {
  const facets = getFacetIndex().facets;
  const sq = new Database(file);
  // A bulk load: no journal (pages are written once, not to the WAL and then again), no fsync.
  // The app's WAL mode is set back before the queries are timed.
  sq.pragma("journal_mode = OFF");
  sq.pragma("synchronous = OFF");
  sq.pragma("cache_size = -400000");
  const user = sq.prepare(`INSERT INTO "User" (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, 'x', 'student', ?, ?)`);
  const card = sq.prepare(
    `INSERT INTO "Card" (id, userId, pack, factId, facet, topic, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, lastForm, suspended, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entry = sq.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, clientId, rating, reviewedAt, dayKey, prevState, prevDue, prevStability, prevDifficulty, prevScheduledDays, prevLearningSteps, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const created = iso(new Date(now - 30 * DAY));
  const chunk = sq.transaction((a: number, b: number) => {
    for (let u = a; u < b; u++) {
      user.run(userId(u), `${userId(u)}@bench.local`, `User ${u}`, created, created);
      for (const c of cardRows(u, now, facets)) {
        card.run(c.id, c.userId, c.pack, c.factId, c.facet, c.topic, iso(c.due), c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, iso(c.lastReview), c.lastForm, c.suspended ? 1 : 0, created);
      }
      for (const l of logRows(u, now, keys.today, keys.yesterday)) {
        entry.run(l.id, l.userId, l.cardId, l.clientId, l.rating, iso(l.reviewedAt), l.dayKey, l.prevState, iso(l.prevDue), l.prevStability, l.prevDifficulty, l.prevScheduledDays, l.prevLearningSteps, iso(l.reviewedAt));
      }
    }
  });
  const started = performance.now();
  for (let a = from; a < to; a += 2000) chunk(a, Math.min(to, a + 2000));
  sq.exec("ANALYZE");
  sq.pragma("journal_mode = WAL");
  sq.close();
  return round((performance.now() - started) / 1000, 1);
}

/** PostgreSQL: users [0, users) in one INSERT … SELECT per table, from arrays of the bank's facets. */
async function seedPostgres(url: string, users: number, now: number, keys: { today: string; yesterday: string }) {
  const facets = getFacetIndex().facets;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const started = performance.now();
  try {
    // timestamp(3) columns hold UTC, as Prisma writes them.
    const at = new Date(now).toISOString();
    await c.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
       SELECT 'u' || lpad(u::text, 7, '0'), 'u' || u || '@bench.local', 'User ' || u, 'x', 'student', $2::timestamp, $2::timestamp
       FROM generate_series(0, $1::int - 1) u`,
      [users, at],
    );
    // Same spread as the SQLite rows (a hash of user and card replaces mix()).
    await c.query(
      `INSERT INTO "Card" (id, "userId", pack, "factId", facet, topic, due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "lastForm", suspended, "createdAt")
       SELECT 'c' || lpad(u::text, 7, '0') || lpad(i::text, 3, '0'), 'u' || lpad(u::text, 7, '0'),
              ($3::text[])[f], ($4::text[])[f], ($5::text[])[f], ($6::text[])[f],
              CASE WHEN r < 0.05 THEN $2::timestamp + (r * interval '1 hour') ELSE $2::timestamp + ((r * 40 - 10) * interval '1 day') END,
              1 + r * 60, 3 + r * 5, 1, 0, 1 + floor(r * 10)::int, floor(r * 3)::int, CASE WHEN r < 0.05 THEN 1 ELSE 2 END,
              $2::timestamp - interval '2 days', 'mc', r > 0.98, $2::timestamp
       FROM generate_series(0, $1::int - 1) u CROSS JOIN generate_series(0, ${CARDS_PER_USER - 1}) i,
            LATERAL (SELECT ((abs(hashtext(u::text || ':' || i)) % 1000000) / 1000000.0) AS r,
                            ((abs(hashtext(u::text)) + i) % $7::int) + 1 AS f) x`,
      [users, at, facets.map((f) => f.pack), facets.map((f) => f.factId), facets.map((f) => f.facet), facets.map((f) => f.topic), facets.length],
    );
    await c.query(
      `INSERT INTO "ReviewLog" (id, "userId", "cardId", "clientId", rating, "reviewedAt", "dayKey", "prevState", "prevDue", "prevStability", "prevDifficulty", "prevScheduledDays", "prevLearningSteps")
       SELECT 'l' || lpad(u::text, 7, '0') || lpad(i::text, 3, '0'), 'u' || lpad(u::text, 7, '0'), 'c' || lpad(u::text, 7, '0') || lpad((i * 3)::text, 3, '0'),
              'seed-' || u || '-' || i, 3, $2::timestamp - (i + 1) * interval '1 minute', CASE WHEN i < ${LOGS_PER_USER / 2} THEN $3 ELSE $4 END,
              CASE WHEN i % 2 = 0 THEN 0 ELSE 2 END, $2::timestamp, 1, 5, 1, 0
       FROM generate_series(0, $1::int - 1) u CROSS JOIN generate_series(0, ${LOGS_PER_USER - 1}) i`,
      [users, at, keys.today, keys.yesterday],
    );
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
  return round((performance.now() - started) / 1000, 1);
}

async function timeQueries(db: Db, users: number, now: Date) {
  const settings = { ...DEFAULT_SETTINGS };
  const day = learnerDay(now, settings.timeZone, settings.dayStartHour);
  // The two reads of getStudyQueue (data.ts, through queueInputs), and what it does with them.
  const nextDue = async (id: UserId) => {
    const cards = await queueCards(db, id, {});
    return buildQueue({ now, settings, cards, newFacets: newFacetsOf(cards, {}), today: { newIntroduced: 0, reviewsDone: 0, factIdsReviewed: new Set() }, limit: 20 });
  };
  const today = (id: UserId) => todayOf(db, id, day.key);
  const studyQueue = (id: UserId) => getStudyQueue(db, id, {}, now, "zh-CN");
  const pick = () => userId(Math.floor(Math.random() * users)) as UserId;
  // Sanity: a seeded user has a queue and today's reviews.
  const sample = await nextDue(userId(0) as UserId);
  const counts = await today(userId(0) as UserId);
  if (sample.length === 0 || counts.newIntroduced + counts.reviewsDone === 0) throw new Error("seeded data gives an empty queue or no reviews today");
  const out: Record<string, ReturnType<typeof summary> & { cpu: ReturnType<typeof summary> }> = {};
  for (const [name, fn] of [
    ["nextDue", nextDue],
    ["today", today],
    ["studyQueue", studyQueue],
  ] as const) {
    for (let i = 0; i < 30; i++) await fn(pick()); // warm-up
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = pick();
      const c = process.cpuUsage();
      const t = performance.now();
      await fn(id);
      ms.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    // Wall time is what the target is about; CPU time of this process (the query runs in it:
    // SQLite in-process; for PostgreSQL only the client side) barely moves with the machine's load.
    out[name] = { ...summary(ms), cpu: summary(cpu) };
  }
  return out;
}

/**
 * The two reads as plain SQL on better-sqlite3 in this process: the database's share of the
 * time, without Prisma (its query compiler and row mapping) and the queue building.
 */
function timeSqlite(file: string, users: number, dayKey: string) {
  const sq = new Database(file, { readonly: true });
  const cards = sq.prepare(`SELECT * FROM "Card" WHERE "userId" = ?`);
  const logs = sq.prepare(`SELECT id, kind, undoOf, prevState, dayKey, cardId FROM "ReviewLog" WHERE "userId" = ? AND "dayKey" = ?`);
  const out: Record<string, ReturnType<typeof summary>> = {};
  for (const [name, fn] of [
    ["nextDue", (id: string) => cards.all(id)],
    ["today", (id: string) => logs.all(id, dayKey)],
  ] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 30 + SAMPLES; i++) {
      const id = userId(Math.floor(Math.random() * users));
      const t = performance.now();
      const rows = fn(id);
      if (i >= 30) ms.push(performance.now() - t);
      if (rows.length === 0) throw new Error(`no rows for ${id}`);
    }
    out[name] = summary(ms);
  }
  sq.close();
  return out;
}

/** The SQL Prisma sent for nextDue and today, with its plan. */
async function plans(engine: "sqlite" | "postgres", db: Db, queries: Sql[], url: string, file?: string) {
  queries.length = 0;
  const now = new Date();
  const day = learnerDay(now, DEFAULT_SETTINGS.timeZone, DEFAULT_SETTINGS.dayStartHour);
  await db.card.findMany({ where: { userId: userId(1) } });
  await db.reviewLog.findMany({
    where: { userId: userId(1), dayKey: day.key },
    select: { id: true, kind: true, undoOf: true, prevState: true, dayKey: true, card: { select: { pack: true, factId: true } } },
  });
  const captured = queries.filter((q) => /^\s*SELECT/i.test(q.sql)).map((q) => ({ sql: q.sql, params: JSON.parse(q.params) as unknown[] }));
  const result: { sql: string; plan: string[] }[] = [];
  if (engine === "sqlite") {
    const sq = new Database(file!, { readonly: true });
    for (const q of captured) {
      const rows = sq.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[])) as { detail: string }[];
      result.push({ sql: q.sql, plan: rows.map((r) => r.detail) });
    }
    sq.close();
  } else {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const q of captured) {
      const r = await c.query(`EXPLAIN ${q.sql}`, q.params);
      result.push({ sql: q.sql, plan: r.rows.map((row: Record<string, string>) => row["QUERY PLAN"] as string) });
    }
    await c.end();
  }
  return result;
}

export async function queueBench() {
  const skip10M = process.env.BENCH_SKIP_10M === "1";
  const skipPg = process.env.BENCH_SKIP_PG === "1";
  const skipSqlite = process.env.BENCH_SKIP_SQLITE === "1";
  const now = Date.now();
  const day = learnerDay(new Date(now), DEFAULT_SETTINGS.timeZone, DEFAULT_SETTINGS.dayStartHour);
  const yesterday = learnerDay(new Date(now - DAY), DEFAULT_SETTINGS.timeZone, DEFAULT_SETTINGS.dayStartHour);
  const keys = { today: day.key, yesterday: yesterday.key };
  const results: Record<string, unknown> = {};

  const { url, file } = sqliteUrl("queue");
  if (!skipSqlite) {
    removeSqlite(file);
    migrateDeploy(url);
  }
  const sizes = skipSqlite
    ? []
    : [
        { label: "1M", users: 10_000 },
        { label: "10M", users: 100_000 },
      ];
  if (skipSqlite) results["sqlite1M"] = results["sqlite10M"] = { skipped: "BENCH_SKIP_SQLITE=1" };
  let seeded = 0;
  const free = statfsSync(WORK_DIR);
  const freeGiB = (free.bavail * free.bsize) / 2 ** 30;
  log(`queue: ${round(freeGiB, 1)} GiB free under ${WORK_DIR}`);
  for (const size of sizes) {
    if (size.label === "10M" && skip10M) {
      results["sqlite10M"] = { skipped: "BENCH_SKIP_10M=1" };
      continue;
    }
    // The 10M database takes about 5 GB; leave room to spare.
    if (size.label === "10M" && freeGiB < 15) {
      results["sqlite10M"] = { skipped: `only ${round(freeGiB, 1)} GiB free` };
      continue;
    }
    log(`queue: seeding SQLite to ${size.label} cards (${size.users} users)`);
    const seedSeconds = seedSqlite(file, seeded, size.users, now, keys);
    seeded = size.users;
    log(`queue: seeded in ${seedSeconds} s, ${round(statSync(file).size / 2 ** 30, 2)} GiB`);
    const { db, queries } = clientWithLog("sqlite", url, file);
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const timings = await timeQueries(db, size.users, new Date(now));
    const plan = size.label === "1M" ? await plans("sqlite", db, queries, url, file) : undefined;
    await db.$disconnect();
    const sql = timeSqlite(file, size.users, keys.today);
    log(`queue: SQLite ${size.label} ${JSON.stringify(timings)}`);
    log(`queue: SQLite ${size.label} plain SQL ${JSON.stringify(sql)}`);
    results[`sqlite${size.label}`] = { cards: size.users * CARDS_PER_USER, users: size.users, logRows: size.users * LOGS_PER_USER, seedSeconds, fileGiB: round(statSync(file).size / 2 ** 30, 2), ...timings, sql, ...(plan ? { plan } : {}) };
  }
  if (!skipSqlite) removeSqlite(file);

  if (!skipPg) {
    const pgUrl = await freshPostgres("bench_queue");
    try {
      migrateDeploy(pgUrl);
      log("queue: seeding PostgreSQL to 1M cards");
      const seedSeconds = await seedPostgres(pgUrl, 10_000, now, keys);
      const { db, queries } = clientWithLog("postgres", pgUrl);
      const timings = await timeQueries(db, 10_000, new Date(now));
      const plan = await plans("postgres", db, queries, pgUrl);
      await db.$disconnect();
      log(`queue: PostgreSQL 1M ${JSON.stringify(timings)}`);
      results["postgres1M"] = { cards: 1_000_000, users: 10_000, logRows: 10_000 * LOGS_PER_USER, seedSeconds, ...timings, plan };
    } finally {
      await dropPostgres("bench_queue");
    }
  }

  const s1 = results["sqlite1M"] as Record<string, { p95: number }> | undefined;
  const s10 = results["sqlite10M"] as Record<string, { p95: number }> | undefined;
  type Timed = { p95: number; cpu?: { p95: number } };
  const ratio = (a: Timed | undefined, b: Timed | undefined) => (a && b ? round(b.p95 / a.p95, 2) : null);
  const growth =
    s1 && s10 && s10["nextDue"]
      ? {
          nextDue: ratio(s1["nextDue"], s10["nextDue"]) as number,
          today: ratio(s1["today"], s10["today"]) as number,
          // The same on CPU time and on the plain SQL: both far less at the mercy of the machine's load.
          cpu: { nextDue: ratio((s1["nextDue"] as Timed).cpu, (s10["nextDue"] as Timed).cpu), today: ratio((s1["today"] as Timed).cpu, (s10["today"] as Timed).cpu) },
          sql: {
            nextDue: ratio((s1 as unknown as { sql: Record<string, Timed> }).sql["nextDue"], (s10 as unknown as { sql: Record<string, Timed> }).sql["nextDue"]),
            today: ratio((s1 as unknown as { sql: Record<string, Timed> }).sql["today"], (s10 as unknown as { sql: Record<string, Timed> }).sql["today"]),
          },
        }
      : null;
  const p95s = ["sqlite1M", "sqlite10M", "postgres1M"].flatMap((k) => {
    const r = results[k] as Record<string, { p95: number }> | undefined;
    return r?.["nextDue"] ? [r["nextDue"].p95, r["today"]!.p95] : [];
  });
  return {
    cardsPerUser: CARDS_PER_USER,
    logsPerUser: LOGS_PER_USER,
    samples: SAMPLES,
    ...results,
    growth10x: growth,
    targets: TARGETS,
    met: {
      p95: p95s.every((p) => p <= TARGETS.p95Ms),
      growth10x: growth ? growth.nextDue <= TARGETS.growth10x && growth.today <= TARGETS.growth10x : null,
    },
  };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    await emit(await queueBench());
  });
}
