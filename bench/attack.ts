// Benchmark 7 (issue #18): one signed-in user's worst-case review work must not freeze the server.
//
//   node --conditions=react-server --import tsx bench/attack.ts [sqlite|postgres]   (both by default)
//
// `npm start` on a fresh database. Victims: 50 students reviewing at a steady 10 req/s over 4
// connections (autocannon), and GET /api/health polled every 100 ms. In alternating 10 s slices,
// without and with an attacker: one user at a time, one request in flight, doing the most work
// the bounds allow: an account sends late reviews, each placed just before the 32 latest entries of
// its card (MAX_LATER_ENTRIES: each re-applies and rewrites 32 entries), until the per-user budget
// answers 429; then the next account imports 200 back-dated answers to one question (its one guest
// import) and does the same. Target: victims' review p95 under attack ≤ 2 × without.
import { randomUUID } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { MAX_LATER_ENTRIES } from "@/lib/features/study/mutations";
import { mintSessionToken, SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { getBank } from "@/lib/server/content/bank";
import { createDb } from "@/lib/server/db/create";
import { databaseFromUrl } from "@/lib/server/db/url";
import { dropPostgres, freshPostgres, removeSqlite, sqliteUrl } from "./lib/db";
import { emit, log, round, runMain, SECRET, startServer, summary, type Server } from "./lib/util";

const VICTIMS = 50;
const ATTACKERS = 120;
const SLICE_S = 10;
const ROUNDS = Number(process.env.BENCH_ATTACK_ROUNDS ?? 3);
const VICTIM_RATE = 10;
const TARGETS = { p95Ratio: 2 };
/** Ports 3430-3439 are the benchmarks'; BENCH_ATTACK_PORT overrides. */
const PORT = { sqlite: 3434, postgres: 3435 } as const;
const MINUTE = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Slice {
  review: number[];
  health: number[];
  non2xx: number;
  attack?: { imports: number; importMs: number[]; late: number[]; rateLimited: number; failures: number };
}

async function victims(server: Server, cookies: string[], seconds: number) {
  const questions = getBank().questions;
  const latencies: number[] = [];
  let n = 0;
  const instance = autocannon({
    url: server.url,
    connections: 4,
    overallRate: VICTIM_RATE,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/reviews",
        setupRequest: (req) => {
          const q = questions[Math.floor(Math.random() * questions.length)]!;
          const body = { clientId: randomUUID(), questionId: q.id, response: n % 2 === 0 ? q.answer : (q.choices?.[0] ?? "x"), durationMs: 3000 };
          return { ...req, headers: { "content-type": "application/json", cookie: cookies[n++ % cookies.length]! }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  instance.on("response", (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  const result = await instance;
  return { latencies, non2xx: result.non2xx };
}

async function pollHealth(server: Server, until: number): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < until) {
    const t = performance.now();
    await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
    out.push(performance.now() - t);
    await sleep(100);
  }
  return out;
}

interface Attacker {
  cookie: string;
  /** The times of the card's entries, once its import is done. */
  times?: number[];
}

type AttackStats = NonNullable<Slice["attack"]>;

async function post(server: Server, cookie: string, route: string, body: unknown) {
  const t = performance.now();
  const r = await fetch(`${server.url}${route}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
  await r.arrayBuffer();
  return { status: r.status, ms: performance.now() - t };
}

const attackQuestion = () => getBank().questions.find((x) => x.form === "mc") ?? getBank().questions[0]!;

/** The account's one guest import: 200 answers to one question a minute apart, the last a minute ago. */
async function importAnswers(server: Server, a: Attacker, stats: AttackStats) {
  const q = attackQuestion();
  const start = Date.now() - 201 * MINUTE;
  const times = Array.from({ length: 200 }, (_, i) => start + i * MINUTE);
  const reviews = times.map((t) => ({ clientId: randomUUID(), questionId: q.id, response: q.choices?.[1] ?? "x", reviewedAt: new Date(t).toISOString() }));
  const r = await post(server, a.cookie, "/api/reviews/import", { reviews });
  if (r.status !== 200) stats.failures++;
  stats.imports++;
  stats.importMs.push(r.ms);
  a.times = times;
}

/**
 * The attacker, one request at a time, until `until`: late reviews from an account whose import
 * is done until its budget answers 429, then the next account's import, and so on. An account cut
 * off by the slice's end is taken up again by the next slice.
 */
async function attack(server: Server, accounts: Attacker[], until: number): Promise<AttackStats> {
  const q = attackQuestion();
  const stats: AttackStats = { imports: 0, importMs: [], late: [], rateLimited: 0, failures: 0 };
  while (Date.now() < until) {
    const a = accounts[0];
    if (!a) throw new Error("out of attacker accounts");
    if (!a.times) await importAnswers(server, a, stats);
    const times = a.times!;
    for (;;) {
      if (Date.now() >= until) return stats;
      // Just before the 32 latest entries: the most a late review is still inserted before.
      const after = times[times.length - MAX_LATER_ENTRIES]!;
      const before = times[times.length - MAX_LATER_ENTRIES - 1]!;
      const at = Math.floor((before + after) / 2);
      const r = await post(server, a.cookie, "/api/reviews", { clientId: randomUUID(), questionId: q.id, rating: 1, durationMs: 0, reviewedAt: new Date(at).toISOString() });
      if (r.status === 429) {
        stats.rateLimited++;
        accounts.shift();
        break;
      }
      if (r.status !== 200) stats.failures++;
      stats.late.push(r.ms);
      times.splice(times.length - MAX_LATER_ENTRIES, 0, at);
    }
  }
  return stats;
}

async function slice(server: Server, victimCookies: string[], attackers: Attacker[] | null): Promise<Slice> {
  const until = Date.now() + SLICE_S * 1000;
  const [v, health, a] = await Promise.all([victims(server, victimCookies, SLICE_S), pollHealth(server, until), attackers ? attack(server, attackers, until) : Promise.resolve(undefined)]);
  return { review: v.latencies, health, non2xx: v.non2xx, ...(a && { attack: a }) };
}

export async function attackBench(engine: "sqlite" | "postgres") {
  let databaseUrl: string;
  if (engine === "sqlite") {
    const { url, file } = sqliteUrl("attack");
    removeSqlite(file);
    databaseUrl = url;
  } else {
    databaseUrl = await freshPostgres("bench_attack");
  }
  const port = Number(process.env.BENCH_ATTACK_PORT ?? PORT[engine]);
  const server = await startServer({ port, databaseUrl, name: `attack-${engine}` });
  const db = createDb(databaseFromUrl(databaseUrl));
  try {
    const users = Array.from({ length: VICTIMS + ATTACKERS }, (_, i) => ({
      id: `attackbench${String(i).padStart(5, "0")}`,
      email: `attack${i}@bench.local`,
      name: `Bench ${i}`,
      passwordHash: "x",
      role: "student",
    }));
    await db.user.createMany({ data: users });
    const cookies = await Promise.all(users.map(async (u) => `${SESSION_COOKIE}=${await mintSessionToken({ ...u, role: "student" }, SECRET)}`));
    const victimCookies = cookies.slice(0, VICTIMS);
    const attackers: Attacker[] = cookies.slice(VICTIMS).map((cookie) => ({ cookie }));

    log(`${engine}: warm-up, and the imports of the first attacker accounts (not measured)`);
    await victims(server, victimCookies, 4);
    const setup: AttackStats = { imports: 0, importMs: [], late: [], rateLimited: 0, failures: 0 };
    await Promise.all(attackers.slice(0, 2).map((a) => importAnswers(server, a, setup)));

    const quiet: Slice[] = [];
    const loud: Slice[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      log(`${engine}: round ${i + 1}/${ROUNDS}, ${SLICE_S} s without and ${SLICE_S} s with the attacker`);
      quiet.push(await slice(server, victimCookies, null));
      loud.push(await slice(server, victimCookies, attackers));
    }
    const sum = (s: Slice[]) => ({
      review: summary(s.flatMap((x) => x.review)),
      health: summary(s.flatMap((x) => x.health)),
      non2xx: s.reduce((n, x) => n + x.non2xx, 0),
    });
    const normal = sum(quiet);
    const attacked = sum(loud);
    const attacks = loud.map((x) => x.attack!);
    const attackStats = {
      imports: attacks.reduce((n, a) => n + a.imports, 0),
      import: summary(attacks.flatMap((a) => a.importMs)),
      lateReviews: summary(attacks.flatMap((a) => a.late)),
      rateLimited: attacks.reduce((n, a) => n + a.rateLimited, 0),
      failures: attacks.reduce((n, a) => n + a.failures, 0),
    };
    const p95Ratio = round(attacked.review.p95 / normal.review.p95, 2);
    const result = {
      engine,
      victims: VICTIMS,
      victimRate: VICTIM_RATE,
      sliceSeconds: SLICE_S,
      rounds: ROUNDS,
      normal,
      attacked,
      attack: attackStats,
      p95Ratio,
      healthP95Ratio: round(attacked.health.p95 / normal.health.p95, 2),
      targets: TARGETS,
      met: { p95Ratio: p95Ratio <= TARGETS.p95Ratio && attackStats.failures === 0 && normal.non2xx === 0 && attacked.non2xx === 0 },
    };
    log(`  ${JSON.stringify(result)}`);
    return result;
  } finally {
    await db.$disconnect();
    await server.stop();
    if (engine === "postgres") await dropPostgres("bench_attack");
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    const engines = (process.argv[2] ? [process.argv[2]] : process.env.BENCH_SKIP_PG ? ["sqlite"] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[];
    const out: Record<string, unknown> = {};
    for (const e of engines) out[e] = await attackBench(e);
    await emit(out);
  });
}
