// The production app in its own process group, for the tools that drive it from outside (the
// load-and-crash runner, the benchmarks): started like `npm start`, or `next start` alone, and
// stopped or killed as a whole group, so no worker is left holding the port.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { nextStartArgs } from "./next-start";

const root = path.resolve(import.meta.dirname, "..", "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AppServer {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the group's leader has exited. */
  exited: Promise<number | null>;
  logFile: string;
}

/** Process groups started and not yet stopped: killed if this process dies first. */
const live = new Set<number>();
process.on("exit", () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

export interface StartOptions {
  port: number;
  databaseUrl: string;
  /** NEXTAUTH_SECRET: the tools mint session cookies with it. */
  secret: string;
  /** Appended to; the server's stdout and stderr. */
  logFile: string;
  /** DEMO (demo accounts and classes): "0" unless given. */
  demo?: "0" | "1";
  /**
   * "start-script": scripts/start.ts, as `npm start` (env check, migrate, build if needed, serve).
   * "next-start": `next start` alone, as a process supervisor restarts a crashed server: start.ts's
   * `migrate deploy` costs seconds (on PostgreSQL the Prisma CLI lingers ~10 s on an open connection).
   */
  how?: "start-script" | "next-start";
  /** Extra environment, e.g. NODE_OPTIONS for a profiler. */
  env?: Record<string, string>;
}

/** Starts the app in a new process group (detached = setsid). */
export function startApp(options: StartOptions): AppServer {
  const { port, databaseUrl, secret, logFile, demo = "0", how = "start-script" } = options;
  const fd = openSync(logFile, "a");
  const command =
    how === "start-script"
      ? ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"]
      : nextStartArgs(root, port);
  const child = spawn(process.execPath, command, {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: {
      ...process.env,
      ...(how === "next-start" && { NODE_ENV: "production" }),
      ...options.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DEMO: demo,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  });
  closeSync(fd);
  live.add(child.pid!);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, child, exited, logFile };
}

/** Waits until the app answers (a route that needs no database); throws with the log's tail if it exits or times out. */
export async function waitUntilServing(server: AppServer, timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() - started < timeoutMs) {
    if (dead) throw new Error(`the server exited before serving; its log:\n${logTail(server.logFile)}`);
    try {
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server did not serve within ${timeoutMs / 1000} s; its log:\n${logTail(server.logFile)}`);
}

export function logTail(file: string, lines = 30): string {
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Stops the group: SIGTERM (a clean stop) or SIGKILL (a crash); then kills what is left. */
export async function stopApp(server: AppServer, signal: "SIGKILL" | "SIGTERM" = "SIGTERM"): Promise<void> {
  const pgid = server.child.pid!;
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
  await server.exited;
  live.delete(pgid);
  // next start may leave a worker in the group after the leader exits: make sure the port is free.
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // group empty
  }
}

/**
 * CPU time (user + system, ms) used so far by the live processes of the app's group, read from
 * /proc (Linux; clock ticks of 10 ms). On a shared machine this moves far less with other work
 * than requests per second do.
 */
export function appCpuMs(server: AppServer): number {
  const pgid = server.child.pid!;
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
