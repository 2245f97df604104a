// Load without loss, and crash safety. Starts the production build through scripts/start.ts
// (migrate, build only when sources changed, serve) on a fresh SQLite file and/or a fresh
// PostgreSQL database, seeds N students, and has them review concurrently for T seconds: each
// fetches its queue and posts reviews with fresh client ids, ~10% sent twice at once. With
// --kills K the server's process group is SIGKILLed K times mid-load and restarted (`next start`),
// then started once more through scripts/start.ts, which must succeed; clients retry
// on connection errors with the same clientId. Then the database is compared with what the
// clients saw (scripts/load/compare.ts): every acknowledged review stored exactly once, no row
// nobody sent, every card the replay of its log. Exits 1 on any mismatch.
//
//   node --conditions=react-server --import tsx scripts/load/run.ts [--students 20] [--seconds 10]
//     [--db sqlite,postgres] [--kills 0,2]        (each engine × each kill count is one run)
// Env: LOAD_PORT (default 3200), TEST_PG_URL (PostgreSQL server), LOAD_DB_PREFIX (database name
// prefix), LOAD_KEEP_LOG=1 (keep the server's log in data/).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SETTINGS, type SchedulerSettings } from "@/lib/core/schedule";
import { hashPassword } from "@/lib/server/auth/password";
import { mintSessionToken, SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { createDb } from "@/lib/server/db/create";
import { dropPostgresDatabase, ensurePostgresDatabase } from "@/lib/server/db/ensure-database";
import { databaseFromUrl } from "@/lib/server/db/url";
import { startApp, stopApp, waitUntilServing, type AppServer } from "../lib/app-server";
import { compareLoad, verdictOk, type LoadVerdict } from "./compare";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    students: { type: "string", default: "20" },
    seconds: { type: "string", default: "10" },
    db: { type: "string", default: "sqlite,postgres" },
    kills: { type: "string", default: "2" },
  },
});
const STUDENTS = Number(args.students);
const SECONDS = Number(args.seconds);
const PORT = Number(process.env.LOAD_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const PG_SERVER = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const DB_PREFIX = process.env.LOAD_DB_PREFIX ?? "delta_recall_load";
const SECRET = randomBytes(32).toString("base64url");
/** Share of reviews sent twice at once (a double tap, a retry racing the first request). */
const DOUBLE_SEND = 0.1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- students

interface Student {
  id: string;
  cookie: string;
}

async function seedStudents(databaseUrl: string, count: number, runId: string): Promise<Student[]> {
  const db = createDb(databaseFromUrl(databaseUrl));
  // One bcrypt hash for all: the students never sign in with it (their cookies are minted), but
  // the rows are what the app stores.
  const passwordHash = await hashPassword("load-test-password");
  const students: Student[] = [];
  for (let i = 0; i < count; i++) {
    const email = `load-${runId}-${i}@example.com`;
    const user = await db.user.create({ data: { email, name: `学生${i}`, role: "student", passwordHash } });
    const token = await mintSessionToken({ id: user.id, name: user.name, email, role: "student" }, SECRET);
    students.push({ id: user.id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  await db.$disconnect();
  return students;
}

interface Tally {
  sent: Map<string, Set<string>>;
  acked: Map<string, Set<string>>;
  responses: number;
  reviewsPosted: number;
  doubleSends: number;
  duplicateAnswers: number;
  connectionRetries: number;
  serverErrors: number;
  clientErrors: Map<number, number>;
  /** Students whose loop threw. */
  clientFailures: number;
  /** Reviews retried after a broken connection and answered "duplicate": the kill hit after the commit. */
  recoveredAfterKill: number;
}

function newTally(): Tally {
  return { sent: new Map(), acked: new Map(), responses: 0, reviewsPosted: 0, doubleSends: 0, duplicateAnswers: 0, connectionRetries: 0, serverErrors: 0, clientErrors: new Map(), clientFailures: 0, recoveredAfterKill: 0 };
}

function note(map: Map<string, Set<string>>, userId: string, clientId: string) {
  let set = map.get(userId);
  if (!set) map.set(userId, (set = new Set()));
  set.add(clientId);
}

/**
 * One HTTP request, retried on connection errors (the server is down or restarting) until
 * `giveUpAt`, and on 5xx a few times. Null when it never got an answer.
 */
async function call(tally: Tally, student: Student, method: "GET" | "POST", url: string, body: unknown, giveUpAt: number): Promise<{ status: number; json: unknown; retried: boolean } | null> {
  let serverErrors = 0;
  let retried = false;
  for (;;) {
    try {
      const res = await fetch(`${BASE}${url}`, {
        method,
        headers: { cookie: student.cookie, ...(body !== undefined && { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      // A body cut off by a kill throws here too: no answer, like a refused connection.
      const json: unknown = await res.json();
      tally.responses++;
      if (res.status >= 500) {
        tally.serverErrors++;
        if (++serverErrors < 3 && Date.now() < giveUpAt) {
          await sleep(200 * serverErrors);
          continue;
        }
      } else if (res.status >= 400) {
        tally.clientErrors.set(res.status, (tally.clientErrors.get(res.status) ?? 0) + 1);
      }
      return { status: res.status, json, retried };
    } catch {
      // Connection refused or reset, or the body cut off: the server was killed. Same request
      // again, same clientId.
      if (Date.now() >= giveUpAt) return null;
      tally.connectionRetries++;
      retried = true;
      await sleep(100 + Math.random() * 200);
    }
  }
}

function randomReview(questionId: string, choices: string[] | undefined) {
  // Mostly flashcard self-grades; some answers, right or wrong as it comes.
  if (choices?.length && Math.random() < 0.3) return { questionId, response: choices[Math.floor(Math.random() * choices.length)]!, durationMs: 3000 };
  return { questionId, rating: (1 + Math.floor(Math.random() * 4)) as 1 | 2 | 3 | 4, durationMs: 2000 + Math.floor(Math.random() * 8000) };
}

interface QueueJson {
  items: { question: { id: string; choices?: string[] } }[];
}

async function study(student: Student, tally: Tally, running: () => boolean, giveUpAt: () => number): Promise<void> {
  try {
    await studyLoop(student, tally, running, giveUpAt);
  } catch (error) {
    // A bug in this script (or an answer of an unexpected shape): fail the run, not the process.
    console.error(error);
    tally.clientFailures++;
  }
}

async function studyLoop(student: Student, tally: Tally, running: () => boolean, giveUpAt: () => number): Promise<void> {
  let last: QueueJson["items"] = [];
  while (running()) {
    const queue = await call(tally, student, "GET", "/api/study/queue", undefined, giveUpAt());
    if (!queue) break;
    const items = queue.status === 200 ? (queue.json as QueueJson).items : [];
    // An empty queue (today's new cards done, learning steps not yet due): review the last ones
    // again, the app accepts a review at any time.
    if (items.length > 0) last = items;
    for (const item of last.slice(0, 5)) {
      if (!running()) break;
      const body = { clientId: randomUUID(), ...randomReview(item.question.id, item.question.choices) };
      note(tally.sent, student.id, body.clientId);
      const twice = Math.random() < DOUBLE_SEND;
      if (twice) tally.doubleSends++;
      tally.reviewsPosted += twice ? 2 : 1;
      const answers = await Promise.all(Array.from({ length: twice ? 2 : 1 }, () => call(tally, student, "POST", "/api/reviews", body, giveUpAt())));
      for (const answer of answers) {
        if (answer && answer.status >= 200 && answer.status < 300) {
          note(tally.acked, student.id, body.clientId);
          if ((answer.json as { duplicate?: boolean }).duplicate) {
            tally.duplicateAnswers++;
            // Stored before the connection broke (by this request or its twin): the retry got the stored result.
            if (answer.retried) tally.recoveredAfterKill++;
          }
        }
      }
    }
  }
}

/** Waits until the clients got `count` answers in all. */
async function answered(tally: Tally, count: number) {
  while (tally.responses < count) await sleep(20);
}

// ---------------------------------------------------------------- one run

interface RunResult {
  label: string;
  verdict: LoadVerdict;
  tally: Tally;
  seconds: number;
  kills: number;
  restartsMs: number[];
  cleanStart: boolean;
  backup: BackupCheck | null;
}

interface BackupCheck {
  ok: boolean;
  reviews: number;
  cards: number;
  problem?: string;
}

/** Runs scripts/db-backup.ts on the live SQLite file and checks the copy: every card = replay(log). */
async function backupMidLoad(sqliteFile: string, runId: string): Promise<BackupCheck> {
  const dest = path.join(root, "data", `load-${runId}-backup.db`);
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", dest], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, DATABASE_URL: `file:./${sqliteFile}` },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) return { ok: false, reviews: 0, cards: 0, problem: stderr.trim() };
    const db = createDb(databaseFromUrl(`file:${dest}`));
    try {
      const [logs, cards] = await Promise.all([db.reviewLog.findMany(), db.card.findMany()]);
      const verdict = compareLoad({ sent: new Map(), acked: new Map() }, logs, cards, () => DEFAULT_SETTINGS);
      const ok = verdict.duplicated === 0 && verdict.orphanRows === 0 && verdict.cardMismatches.length === 0;
      return { ok, reviews: logs.length, cards: cards.length, ...(!ok && { problem: `${verdict.cardMismatches.length} cards differ from their log` }) };
    } finally {
      await db.$disconnect();
    }
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dest + suffix, { force: true });
  }
}

async function run(engine: "sqlite" | "postgres", kills: number): Promise<RunResult> {
  const runId = randomBytes(4).toString("hex");
  const label = `${engine}, ${STUDENTS} students, ${SECONDS} s, ${kills} kill${kills === 1 ? "" : "s"}`;
  mkdirSync(path.join(root, "data"), { recursive: true });
  const sqliteFile = path.join("data", `load-${runId}.db`);
  const databaseUrl = engine === "sqlite" ? `file:./${sqliteFile}` : `${PG_SERVER}/${DB_PREFIX}_${runId}`;
  const logFile = path.join(root, "data", `load-${runId}.log`);
  if (engine === "postgres") await ensurePostgresDatabase(databaseUrl);
  let server: AppServer | null = null;
  const start = (how: "start-script" | "next-start") => startApp({ port: PORT, databaseUrl, secret: SECRET, logFile, how });
  try {
    server = start("start-script");
    await waitUntilServing(server);
    const students = await seedStudents(databaseUrl, STUDENTS, runId);

    const tally = newTally();
    let running = true;
    let giveUpAt = Number.POSITIVE_INFINITY;
    const startedAt = Date.now();
    const clients = Promise.all(students.map((s) => study(s, tally, () => running, () => giveUpAt)));

    // SQLite: `npm run db:backup` halfway, while the app writes; the copy must be consistent.
    const backup = engine === "sqlite" ? sleep((SECONDS * 1000) / 2).then(() => backupMidLoad(sqliteFile, runId)) : Promise.resolve(null);
    const restartsMs: number[] = [];
    let sinceStart = 0;
    for (let k = 1; k <= kills; k++) {
      await sleep(Math.max(0, startedAt + (k * SECONDS * 1000) / (kills + 1) - Date.now()));
      // Only kill a warm server under load (a fresh one first builds the question bank), so the
      // kill lands with requests in flight.
      await answered(tally, sinceStart + STUDENTS);
      await stopApp(server, "SIGKILL");
      const down = Date.now();
      server = start("next-start");
      await waitUntilServing(server);
      restartsMs.push(Date.now() - down);
      sinceStart = tally.responses;
    }
    // At least the asked duration, and load served after the last restart.
    await sleep(Math.max(0, startedAt + SECONDS * 1000 - Date.now()));
    if (kills > 0) await answered(tally, sinceStart + STUDENTS);
    running = false;
    giveUpAt = Date.now() + 30_000;
    await clients;
    const seconds = (Date.now() - startedAt) / 1000;
    await stopApp(server, "SIGTERM");
    server = null;

    // After the kills the app must still start cleanly through `npm start`'s script (env,
    // content, migrations, WAL recovery) and serve.
    let cleanStart = true;
    if (kills > 0) {
      server = start("start-script");
      try {
        await waitUntilServing(server, 120_000);
        const probe = await call(newTally(), students[0]!, "GET", "/api/study/queue", undefined, Date.now());
        cleanStart = probe?.status === 200;
      } catch (error) {
        console.error((error as Error).message);
        cleanStart = false;
      }
      await stopApp(server, "SIGTERM");
      server = null;
    }

    const verdict = await verdictFromDatabase(databaseUrl, tally, students.map((s) => s.id));
    return { label, verdict, tally, seconds, kills, restartsMs, cleanStart, backup: await backup };
  } finally {
    if (server) await stopApp(server, "SIGKILL");
    if (engine === "postgres") await dropPostgresDatabase(databaseUrl);
    else for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(root, sqliteFile + suffix), { force: true });
    if (process.env.LOAD_KEEP_LOG) console.log(`  server log kept: ${logFile}`);
    else rmSync(logFile, { force: true });
  }
}

async function verdictFromDatabase(databaseUrl: string, tally: Tally, userIds: string[]): Promise<LoadVerdict> {
  const db = createDb(databaseFromUrl(databaseUrl));
  try {
    const [logs, cards, settings] = await Promise.all([
      db.reviewLog.findMany({ where: { userId: { in: userIds } } }),
      db.card.findMany({ where: { userId: { in: userIds } } }),
      db.learnerSettings.findMany({ where: { userId: { in: userIds } } }),
    ]);
    // Log rows of anyone else would be rows no client sent.
    const foreign = await db.reviewLog.count({ where: { userId: { notIn: userIds } } });
    const byUser = new Map(settings.map((s) => [s.userId, s]));
    const settingsOf = (userId: string): SchedulerSettings => byUser.get(userId) ?? DEFAULT_SETTINGS;
    const verdict = compareLoad(tally, logs, cards, settingsOf);
    return { ...verdict, unrequested: verdict.unrequested + foreign };
  } finally {
    await db.$disconnect();
  }
}

function report(r: RunResult): boolean {
  const v = r.verdict;
  const t = r.tally;
  const ok = verdictOk(v) && r.cleanStart && t.clientFailures === 0 && (r.backup?.ok ?? true);
  const errors = [...t.clientErrors].map(([status, n]) => `${n}×${status}`).join(", ") || "none";
  console.log(`\n[${r.label}]`);
  console.log(
    `  ${v.acked} reviews acknowledged, ${v.logged} stored (${v.storedUnacked} stored but unacknowledged), ` +
      `${t.doubleSends} sent twice (${t.duplicateAnswers} answered as duplicates)`,
  );
  console.log(
    `  ${t.responses} responses in ${r.seconds.toFixed(1)} s = ${(t.responses / r.seconds).toFixed(0)} req/s, ` +
      `${(v.acked / r.seconds).toFixed(0)} reviews/s; 5xx: ${t.serverErrors}; 4xx: ${errors}; connection retries: ${t.connectionRetries}`,
  );
  if (r.kills > 0) {
    console.log(`  ${t.recoveredAfterKill} reviews retried after a broken connection found already stored (answer lost in the kill)`);
    console.log(`  ${r.kills} SIGKILLs, restarts took ${r.restartsMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")}; clean start after: ${r.cleanStart ? "yes" : "NO"}`);
  }
  if (r.backup) {
    const b = r.backup;
    console.log(`  db:backup mid-load: ${b.ok ? `consistent copy, ${b.reviews} log rows, ${b.cards} cards` : `FAILED: ${b.problem ?? ""}`}`);
  }
  if (t.clientFailures) console.log(`  ${t.clientFailures} students stopped on an error (above)`);
  if (v.unrequested) console.log(`  ${v.unrequested} log rows no client sent`);
  if (v.orphanRows) console.log(`  ${v.orphanRows} log rows on another user's card`);
  if (v.cardMismatches.length) console.log(`  ${v.cardMismatches.length} cards differ from the replay of their log: ${v.cardMismatches.slice(0, 5).join(", ")}`);
  console.log(`  ${v.lost} lost, ${v.duplicated} duplicated${ok ? "" : "  <-- FAILED"}`);
  return ok;
}

function summary(engine: "sqlite" | "postgres", r: RunResult, ok: boolean) {
  const v = r.verdict;
  const t = r.tally;
  return {
    engine,
    kills: r.kills,
    acked: v.acked,
    stored: v.logged,
    sentTwice: t.doubleSends,
    reqPerSec: Math.round(t.responses / r.seconds),
    reviewsPerSec: Math.round(v.acked / r.seconds),
    serverErrors: t.serverErrors,
    restartsMs: r.restartsMs,
    lost: v.lost,
    duplicated: v.duplicated,
    cardMismatches: v.cardMismatches.length,
    cleanStart: r.cleanStart,
    ok,
  };
}

async function main() {
  const engines = args.db.split(",").map((e) => e.trim());
  const killCounts = args.kills.split(",").map(Number);
  for (const e of engines) if (e !== "sqlite" && e !== "postgres") throw new Error(`--db: unknown engine "${e}"`);
  if (!(STUDENTS > 0) || !(SECONDS > 0) || killCounts.some((k) => !(k >= 0))) throw new Error("--students, --seconds and --kills must be positive numbers");
  let ok = true;
  const summaries: ReturnType<typeof summary>[] = [];
  for (const engine of engines as ("sqlite" | "postgres")[]) {
    for (const kills of killCounts) {
      const result = await run(engine, kills);
      const passed = report(result);
      summaries.push(summary(engine, result, passed));
      ok = passed && ok;
    }
  }
  // `npm run bench` (bench/load.ts) asks for the figures as JSON.
  if (process.env.LOAD_OUT) writeFileSync(process.env.LOAD_OUT, `${JSON.stringify({ students: STUDENTS, seconds: SECONDS, runs: summaries }, null, 2)}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
