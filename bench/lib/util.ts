// Shared by the benchmarks: percentiles, the machine, and the app server under its own
// process group (started with `npm start`, stopped with kill(-pgid) so nothing is left behind).
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appCpuMs, startApp, stopApp, waitUntilServing } from "../../scripts/lib/app-server";

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

export interface Server {
  url: string;
  /** CPU time (ms) the server's processes have used so far (appCpuMs). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** `npm start` on its own port and database, in its own process group (scripts/lib/app-server.ts). */
export async function startServer(opts: { port: number; databaseUrl: string; name: string; timeoutMs?: number }): Promise<Server> {
  mkdirSync(WORK_DIR, { recursive: true });
  const logFile = path.join(WORK_DIR, `server-${opts.name}.log`);
  rmSync(logFile, { force: true });
  log(`starting server ${opts.name} on :${opts.port} (log: ${path.relative(ROOT, logFile)})`);
  const app = startApp({
    port: opts.port,
    databaseUrl: opts.databaseUrl,
    secret: SECRET,
    logFile,
    demo: "1",
    // BENCH_SERVER_NODE_OPTIONS profiles the server, e.g. "--import=<a script starting node:inspector's
    // profiler>" (node refuses --cpu-prof in NODE_OPTIONS).
    ...(process.env.BENCH_SERVER_NODE_OPTIONS && { env: { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } }),
  });
  try {
    await waitUntilServing(app, opts.timeoutMs ?? 15 * 60_000);
  } catch (error) {
    await stopApp(app, "SIGKILL");
    throw new Error(`server ${opts.name}: ${(error as Error).message}`);
  }
  return { url: app.url, cpuMs: () => appCpuMs(app), stop: () => stopApp(app) };
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
