// Benchmark 6 (issue #8): no lost reviews under load and restarts, the full form of the load
// and crash run that `npm test` runs short. 200 students for 60 s on SQLite and PostgreSQL,
// without and with two SIGKILLs of the server; the runner itself compares the database with
// what clients were told and exits non-zero on any loss or duplicate.
//
//   node --conditions=react-server --import tsx bench/load.ts
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { emit, ROOT, runMain } from "./lib/util";

const out = path.join(ROOT, "data", "bench", "load-runs.json");
const engines = process.env.BENCH_SKIP_PG ? "sqlite" : "sqlite,postgres";

runMain(async () => {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/load/run.ts", "--students", "200", "--seconds", "60", "--db", engines, "--kills", "0,2"],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, LOAD_OUT: out, LOAD_PORT: process.env.LOAD_PORT ?? "3433" } },
  );
  if (!existsSync(out)) throw new Error(`the load run wrote no figures (exit ${run.status ?? run.signal})`);
  const figures = JSON.parse(readFileSync(out, "utf8")) as { runs: { ok: boolean }[] };
  await emit({ ...figures, met: { noLoss: run.status === 0 && figures.runs.every((r) => r.ok) } });
});
