// Shared by the benchmarks: percentiles, the machine, and the app server under its own
// process group (started with `npm start`, stopped with kill(-pgid) so nothing is left behind).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_DIR = path.join(ROOT, "bench");
/** Scratch space (databases, logs, profiles); git-ignored under data/. */
export const WORK_DIR = path.join(ROOT, "data", "bench");
/** PostgreSQL server for the `bench_*` databases (trust auth, like the tests). */
export const PG_BASE = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
/** Ports 3430-3439 are this benchmark's. */
export const PORTS = { sqlite: 3430, postgres: 3431, pages: 3432 } as const;
/** Fixed session secret, so the benchmark can mint session cookies the server accepts. */
export const SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summary(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s.at(-1) ?? NaN) };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/**
 * CPU time (user + system, ms) used so far by the live processes of a process group, read from
 * /proc (Linux; clock ticks of 10 ms). On a shared machine this moves far less with other work
 * than requests per second do.
 */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The fields after "(command)": state, ppid, pgrp, … utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** CPU time (ms) the server's processes have used so far (groupCpuMs). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** `npm start` (build when sources changed, migrate, seed, serve) in its own process group. */
export async function startServer(opts: { port: number; databaseUrl: string; name: string; timeoutMs?: number }): Promise<Server> {
  mkdirSync(WORK_DIR, { recursive: true });
  const logFile = path.join(WORK_DIR, `server-${opts.name}.log`);
  const out = createWriteStream(logFile);
  // detached = setsid: the server and every process it starts share one new process group.
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // BENCH_SERVER_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=data/bench/prof") profiles the server.
    env: { ...process.env, ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}), PORT: String(opts.port), DATABASE_URL: opts.databaseUrl, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://localhost:${opts.port}`, DEMO: "1" },
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  let exited = false;
  child.on("exit", () => (exited = true));
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", kill);
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  log(`starting server ${opts.name} on :${opts.port} (log: ${path.relative(ROOT, logFile)})`);
  for (;;) {
    if (exited) throw new Error(`server ${opts.name} exited before serving; see ${logFile}`);
    if (Date.now() > deadline) {
      kill();
      throw new Error(`server ${opts.name} did not answer in time; see ${logFile}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    child,
    cpuMs: () => (child.pid ? groupCpuMs(child.pid) : NaN),
    async stop() {
      kill();
      for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
      process.off("exit", kill);
    },
  };
}

/** A benchmark run as a script: its result goes to $BENCH_OUT (set by bench/run.ts) or stdout. */
export async function emit(result: unknown) {
  const { writeFileSync } = await import("node:fs");
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, text);
  else process.stdout.write(text);
}

/** Runs a script's main; a failure prints its stack and exits 1 (servers are stopped by their own finally blocks). */
export function runMain(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
