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
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/server/auth/password";
import { getBank } from "@/lib/server/content/bank";
import { createDb } from "@/lib/server/db/create";
import { databaseFromUrl } from "@/lib/server/db/url";
import { dropPostgres, freshPostgres, removeSqlite, sqliteUrl } from "./lib/db";
import { emit, log, PORTS, round, runMain, SECRET, startServer, summary } from "./lib/util";

const USERS = 500;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_REVIEW_SECONDS ?? 20);
const TARGETS = { ratioToBare: 0.5, reviewP95Ms: 25 };

interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, opts: Partial<autocannon.Options>, seconds: number, track?: (status: number, ms: number) => void): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, ...opts });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    track?.(status, ms);
  });
  const result = await instance;
  const s = summary(latencies);
  return {
    requests: result.requests.total,
    reqPerSec: round(result.requests.total / seconds, 1),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
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
        const token = await encode({ token: { sub: u.id, uid: u.id, role: "student", name: u.name, email: u.email }, secret: SECRET });
        return `next-auth.session-token=${token}`;
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
    await load(server.url, { path: "/api/health" }, 3);
    await load(server.url, { requests: [reviewRequest] }, 5);
    await db.reviewLog.deleteMany({});
    await db.card.deleteMany({});
    ok.clear();

    log(`${engine}: bare GET /api/health, ${CONNECTIONS} connections, ${DURATION_S} s`);
    const bare = await load(server.url, { path: "/api/health" }, DURATION_S);
    log(`  ${JSON.stringify(bare)}`);
    log(`${engine}: POST /api/reviews, ${CONNECTIONS} connections, ${DURATION_S} s`);
    const review = await load(server.url, { requests: [reviewRequest] }, DURATION_S);
    log(`  ${JSON.stringify(review)}`);
    // Let requests cut off by the end of the run finish on the server before counting.
    await new Promise((r) => setTimeout(r, 2000));

    const rows = await db.reviewLog.findMany({ where: { kind: "review" }, select: { clientId: true } });
    const stored = new Set(rows.map((r) => r.clientId));
    const missing = [...ok].filter((id) => !stored.has(id)).length;
    const verify = {
      responses2xx: ok.size,
      rowsWritten: rows.length,
      answeredButNotStored: missing,
      /** Rows whose response autocannon did not wait for (in flight at the stop): at most one per connection. */
      storedButUnanswered: rows.length - (ok.size - missing),
      ok: missing === 0 && rows.length - ok.size <= CONNECTIONS && review.non2xx === 0,
    };
    log(`  verify ${JSON.stringify(verify)}`);
    const ratio = round(review.reqPerSec / bare.reqPerSec, 2);
    return {
      engine,
      users: USERS,
      connections: CONNECTIONS,
      seconds: DURATION_S,
      bare,
      review,
      ratio,
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
