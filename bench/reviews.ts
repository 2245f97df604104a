// Benchmark 1: review throughput and latency against the production build.
//
//   node --import tsx bench/reviews.ts [sqlite|postgres]     (both by default)
//
// `npm start` serves the app on a fresh database; 500 students are created in it directly (one
// bcrypt hash, shared) and each gets a next-auth session cookie minted with the server's secret,
// so every request takes the real auth path (JWT decode + user re-read). autocannon, in this
// process, drives 50 connections for 20 s at GET /api/health (a bare handler: the floor of this
// server) and then at POST /api/reviews, each request a fresh clientId, a random user and a
// random question of the bank, answered right or wrong (auth, grade, schedule, write).
// Afterwards every clientId answered 2xx must be a ReviewLog row; rows beyond that can only be
// requests still in flight when autocannon stopped (at most one per connection).
import { randomUUID } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/server/auth/password";
import { mintSessionToken, SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { getBank } from "@/lib/server/content/bank";
import { createDb } from "@/lib/server/db/create";
import { databaseFromUrl } from "@/lib/server/db/url";
import { dropPostgres, freshPostgres, removeSqlite, sqliteUrl } from "./lib/db";
import { emit, log, PORTS, round, runMain, SECRET, startServer, summary, type Server } from "./lib/util";

const USERS = 500;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_REVIEW_SECONDS ?? 20);
const TARGETS = { ratioToBare: 0.5, reviewP95Ms: 25 };
/** Slices of each load, alternating (10 s each: on a loaded machine a request can take seconds, and a slice cuts off the requests in flight). */
const ROUNDS = Math.max(1, Math.round(DURATION_S / 10));
/** Seconds of each load at one connection (latency without queueing), in two slices. */
const SINGLE_SECONDS = 8;

interface LoadResult {
  requests: number;
  reqPerSec: number;
  /** The server's CPU time per answered request (ms). */
  cpuMsPerRequest: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface Run {
  requests: number;
  seconds: number;
  cpuMs: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function run(server: Server, opts: Partial<autocannon.Options>, seconds: number, connections = CONNECTIONS): Promise<Run> {
  const latencies: number[] = [];
  const cpuBefore = server.cpuMs();
  const url = server.url;
  const instance = autocannon({ url, connections, duration: seconds, pipelining: 1, ...opts });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  // Counted from the responses: autocannon's own total leaves out the last partial second.
  return { requests: latencies.length, seconds, cpuMs: server.cpuMs() - cpuBefore, latencies, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
}

function combine(runs: Run[]): LoadResult {
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const s = summary(runs.flatMap((r) => r.latencies));
  return {
    requests,
    reqPerSec: round(requests / seconds, 1),
    cpuMsPerRequest: round(runs.reduce((n, r) => n + r.cpuMs, 0) / requests, 2),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
  };
}

/**
 * Bare and review load in alternating slices (ROUNDS of each), so that a change in the shared
 * machine's load while the benchmark runs weighs on both alike rather than on one.
 */
async function interleaved(server: Server, bare: Partial<autocannon.Options>, review: Partial<autocannon.Options>, seconds: number, connections: number, rounds: number) {
  const slice = seconds / rounds;
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await run(server, bare, slice, connections));
    b.push(await run(server, review, slice, connections));
  }
  return { bare: combine(a), review: combine(b) };
}

export async function reviewsBench(engine: "sqlite" | "postgres") {
  let databaseUrl: string;
  if (engine === "sqlite") {
    const { url, file } = sqliteUrl("reviews");
    removeSqlite(file);
    databaseUrl = url;
  } else {
    databaseUrl = await freshPostgres("bench_reviews");
  }
  const server = await startServer({ port: PORTS[engine], databaseUrl, name: `reviews-${engine}` });
  const db = createDb(databaseFromUrl(databaseUrl));
  try {
    const hash = await hashPassword("bench-password");
    const users = Array.from({ length: USERS }, (_, i) => ({
      id: `benchuser${String(i).padStart(5, "0")}`,
      email: `bench${i}@bench.local`,
      name: `Bench ${i}`,
      passwordHash: hash,
      role: "student",
    }));
    await db.user.createMany({ data: users });
    const cookies = await Promise.all(
      users.map(async (u) => {
        const token = await mintSessionToken({ ...u, role: "student" }, SECRET);
        return `${SESSION_COOKIE}=${token}`;
      }),
    );
    const questions = getBank().questions;
    const body = (n: number) => {
      const q = questions[Math.floor(Math.random() * questions.length)]!;
      // Half right, half a (usually wrong) first choice: both grading paths run.
      const response = n % 2 === 0 ? q.answer : (q.choices?.[0] ?? "不知道");
      return { clientId: randomUUID(), questionId: q.id, response, durationMs: 4000 };
    };
    let n = 0;
    const ok = new Set<string>();
    const reviewRequest = {
      method: "POST" as const,
      path: "/api/reviews",
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
        const b = body(n++);
        context.clientId = b.clientId;
        return { ...req, headers: { "content-type": "application/json", cookie: cookies[n % USERS]! }, body: JSON.stringify(b) };
      },
      onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
        if (status >= 200 && status < 300) ok.add(context.clientId as string);
      },
    };

    // Warm-up: both handlers compiled, the bank built, the pools filled.
    log(`${engine}: warm-up`);
    await run(server, { path: "/api/health" }, 3);
    await run(server, { requests: [reviewRequest] }, 5);
    // Requests the warm-up cut off may still be waiting for a transaction (up to 10 s): let the
    // log stop growing before clearing it, or they would be counted as rows of the measured run.
    for (let last = -1, now = await db.reviewLog.count(); now !== last; last = now, now = await db.reviewLog.count()) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    await db.reviewLog.deleteMany({});
    await db.card.deleteMany({});
    ok.clear();

    log(`${engine}: GET /api/health and POST /api/reviews, ${CONNECTIONS} connections, ${DURATION_S} s each in ${ROUNDS} alternating slices`);
    const loaded = await interleaved(server, { path: "/api/health" }, { requests: [reviewRequest] }, DURATION_S, CONNECTIONS, ROUNDS);
    const { bare, review } = loaded;
    log(`  bare   ${JSON.stringify(bare)}`);
    log(`  review ${JSON.stringify(review)}`);
    log(`${engine}: the same at 1 connection, ${SINGLE_SECONDS} s each`);
    const single = await interleaved(server, { path: "/api/health" }, { requests: [reviewRequest] }, SINGLE_SECONDS, 1, 2);
    log(`  bare   ${JSON.stringify(single.bare)}`);
    log(`  review ${JSON.stringify(single.review)}`);
    // Let requests cut off by the end of the run finish on the server before counting.
    await new Promise((r) => setTimeout(r, 2000));

    const rows = await db.reviewLog.findMany({ where: { kind: "review" }, select: { clientId: true } });
    const stored = new Set(rows.map((r) => r.clientId));
    const missing = [...ok].filter((id) => !stored.has(id)).length;
    const verify = {
      responses2xx: ok.size,
      rowsWritten: rows.length,
      answeredButNotStored: missing,
      /** Rows whose response autocannon did not wait for: in flight at a slice's end (at most one per connection and slice), or timed out. */
      storedButUnanswered: rows.length - (ok.size - missing),
      // A request autocannon gave up on (timeout) may still be written: it is not lost either.
      ok: missing === 0 && rows.length - ok.size <= CONNECTIONS * ROUNDS + review.timeouts + 2 && review.non2xx === 0,
    };
    log(`  verify ${JSON.stringify(verify)}`);
    const ratio = round(review.reqPerSec / bare.reqPerSec, 2);
    // What the throughput ratio comes to when the server is CPU-bound: bare ÷ review CPU per request.
    const cpuRatio = round(bare.cpuMsPerRequest / review.cpuMsPerRequest, 2);
    return {
      engine,
      users: USERS,
      connections: CONNECTIONS,
      seconds: DURATION_S,
      bare,
      review,
      ratio,
      cpuRatio,
      /** One connection: each request's own latency, without waiting behind 49 others. */
      single: { bare: single.bare, review: single.review },
      verify,
      targets: TARGETS,
      met: { ratio: ratio >= TARGETS.ratioToBare, p95: review.p95 <= TARGETS.reviewP95Ms },
    };
  } finally {
    await db.$disconnect();
    await server.stop();
    if (engine === "postgres") await dropPostgres("bench_reviews");
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    const engines = (process.argv[2] ? [process.argv[2]] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[];
    const out: Record<string, unknown> = {};
    for (const e of engines) out[e] = await reviewsBench(e);
    await emit(out);
  });
}
