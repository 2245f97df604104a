// `npm run bench`: every benchmark in turn, each in its own process (the react-server condition
// the app's data layer needs, and a clean heap), then bench/results.json and the table in
// bench/README.md.
//
//   npm run bench                         all (about 20 min on 2 cores)
//   BENCH_ONLY=reviews,queue npm run bench   some; the others keep their last results
//   BENCH_SKIP_10M=1 npm run bench        the due queue at 1M only (the 10M database takes ~5 GB)
//   BENCH_SKIP_PG=1 npm run bench         SQLite only
//   BENCH_SKIP_SQLITE=1 BENCH_ONLY=queue npm run bench   the due queue on PostgreSQL only
//   npm run bench -- --table              rewrite the README table from results.json, run nothing
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readmeTable } from "./lib/report";
import { BENCH_DIR, log, machine, ROOT, round, WORK_DIR } from "./lib/util";

const ALL = ["bank", "reviews", "queue", "pages", "grade", "load", "attack"] as const;
type Name = (typeof ALL)[number];

const tableOnly = process.argv.includes("--table");
const only = tableOnly ? [] : (process.env.BENCH_ONLY?.split(",").map((s) => s.trim()) ?? [...ALL]);
const unknown = only.filter((n) => !ALL.includes(n as Name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")} (known: ${ALL.join(", ")})`);
  process.exit(2);
}

const resultsFile = path.join(BENCH_DIR, "results.json");
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>) : {};
const results: Record<string, unknown> = { ...((previous["results"] as Record<string, unknown>) ?? {}) };
const started = Date.now();
mkdirSync(WORK_DIR, { recursive: true });

for (const name of ALL) {
  if (!only.includes(name)) continue;
  const out = path.join(WORK_DIR, `${name}.json`);
  rmSync(out, { force: true });
  const t = Date.now();
  const load = os.loadavg()[0] ?? 0;
  log(`── ${name}`);
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(BENCH_DIR, `${name}.ts`)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, BENCH_OUT: out },
  });
  const seconds = round((Date.now() - t) / 1000, 0);
  if (r.status !== 0 || !existsSync(out)) {
    results[name] = { error: `exited with ${r.status ?? r.signal}`, date: new Date().toISOString(), seconds };
    log(`${name} failed (${r.status ?? r.signal}) after ${seconds} s`);
    write();
    continue;
  }
  results[name] = { date: new Date().toISOString(), seconds, loadAvgBefore: round(load, 2), loadAvgAfter: round(os.loadavg()[0] ?? 0, 2), ...JSON.parse(readFileSync(out, "utf8")) };
  log(`${name} done in ${seconds} s`);
  write();
}

/** results.json and the README table, written after each benchmark so an interrupted run keeps what it measured. */
function write() {
  const seconds = round((Date.now() - started) / 1000, 0);
  // The duration of the last run of every benchmark (a partial run keeps the one before).
  const full = only.length === ALL.length ? { seconds, date: new Date().toISOString() } : (previous["fullRun"] as { seconds: number; date: string } | undefined);
  const doc = { machine: machine(), date: tableOnly ? String(previous["date"] ?? new Date().toISOString()) : new Date().toISOString(), fullRun: full ?? null, results };
  writeFileSync(resultsFile, `${JSON.stringify(doc, null, 2)}\n`);
  const readme = path.join(BENCH_DIR, "README.md");
  const text = readFileSync(readme, "utf8");
  const begin = "<!-- results:begin -->";
  const end = "<!-- results:end -->";
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) writeFileSync(readme, `${text.slice(0, i + begin.length)}\n${readmeTable(doc)}\n${text.slice(j)}`);
  return doc;
}
write();
log(`wrote ${path.relative(ROOT, resultsFile)} and the table in bench/README.md (${round((Date.now() - started) / 1000, 0)} s)`);
if (Object.values(results).some((r) => (r as { error?: string }).error)) process.exitCode = 1;
