// The results table of bench/README.md, from bench/results.json.
/* eslint-disable @typescript-eslint/no-explicit-any -- results.json is read back loosely: a benchmark may have failed or been skipped */

const yes = (met: unknown) => (met === true ? "✅" : met === false ? "❌" : "–");
const ms = (x: unknown) => (typeof x === "number" ? `${x} ms` : "–");

export function readmeTable(doc: { machine: any; date: string; fullRun: { seconds: number; date: string } | null; results: Record<string, any> }): string {
  const m = doc.machine;
  const r = doc.results;
  const rows: string[] = [];
  const row = (bench: string, measure: string, value: string, target: string, met: unknown) =>
    rows.push(`| ${bench} | ${measure} | ${value} | ${target} | ${yes(met)} |`);

  for (const engine of ["sqlite", "postgres"]) {
    const x = r.reviews?.[engine];
    if (!x) continue;
    if (x.error) {
      row(`1 reviews (${engine})`, "run", x.error, "", false);
      continue;
    }
    row(`1 reviews (${engine})`, "bare GET /api/health req/s, p50/p95/p99", `${x.bare.reqPerSec}, ${x.bare.p50}/${x.bare.p95}/${x.bare.p99} ms`, "", null);
    row(`1 reviews (${engine})`, "POST /api/reviews req/s, p50/p95/p99", `${x.review.reqPerSec}, ${x.review.p50}/${x.review.p95}/${x.review.p99} ms`, "", null);
    row(`1 reviews (${engine})`, "review ÷ bare req/s", `${x.ratio}`, `≥ ${x.targets.ratioToBare}`, x.met.ratio);
    row(`1 reviews (${engine})`, "review p95", ms(x.review.p95), `≤ ${x.targets.reviewP95Ms} ms`, x.met.p95);
    if (x.cpuRatio !== undefined) {
      const pg = engine === "postgres" ? " (app server only, not PostgreSQL's)" : "";
      row(`1 reviews (${engine})`, `server CPU per request${pg}: bare / review; bare ÷ review`, `${ms(x.bare.cpuMsPerRequest)} / ${ms(x.review.cpuMsPerRequest)}; ${x.cpuRatio}`, "", null);
    }
    if (x.single) {
      row(`1 reviews (${engine})`, "1 connection: bare req/s, p50/p95", `${x.single.bare.reqPerSec}, ${x.single.bare.p50}/${x.single.bare.p95} ms`, "", null);
      row(`1 reviews (${engine})`, "1 connection: review req/s, p50/p95", `${x.single.review.reqPerSec}, ${x.single.review.p50}/${x.single.review.p95} ms`, "", null);
    }
    row(`1 reviews (${engine})`, "2xx answered = rows written", `${x.verify.responses2xx} answered, ${x.verify.rowsWritten} rows, ${x.verify.answeredButNotStored} lost`, "none lost", x.verify.ok);
  }
  if (r.reviews?.error) row("1 reviews", "run", r.reviews.error, "", false);

  const q = r.queue;
  if (q?.error) row("2 due queue", "run", q.error, "", false);
  else if (q) {
    for (const [key, label] of [
      ["sqlite1M", "SQLite 1M"],
      ["sqlite10M", "SQLite 10M"],
      ["postgres1M", "PostgreSQL 1M"],
    ] as const) {
      const x = q[key];
      if (!x) continue;
      if (x.skipped) {
        row(`2 due queue (${label})`, "skipped", x.skipped, "", null);
        continue;
      }
      const cpu = (m: any) => (m.cpu ? ` (CPU ${m.cpu.p50}/${m.cpu.p95} ms)` : "");
      row(`2 due queue (${label})`, "next 20 due p50/p95", `${x.nextDue.p50}/${x.nextDue.p95} ms${cpu(x.nextDue)}`, `p95 ≤ ${q.targets.p95Ms} ms`, x.nextDue.p95 <= q.targets.p95Ms);
      row(`2 due queue (${label})`, "today's counts p50/p95", `${x.today.p50}/${x.today.p95} ms${cpu(x.today)}`, `p95 ≤ ${q.targets.p95Ms} ms`, x.today.p95 <= q.targets.p95Ms);
      row(`2 due queue (${label})`, "whole getStudyQueue p50/p95 (reference)", `${x.studyQueue.p50}/${x.studyQueue.p95} ms${cpu(x.studyQueue)}`, "", null);
      if (x.sql) row(`2 due queue (${label})`, "plain SQL on better-sqlite3, p50/p95 (next due; today)", `${x.sql.nextDue.p50}/${x.sql.nextDue.p95} ms; ${x.sql.today.p50}/${x.sql.today.p95} ms`, "", null);
    }
    if (q.growth10x) {
      row("2 due queue", "10M ÷ 1M p95 (next due, today)", `${q.growth10x.nextDue}, ${q.growth10x.today}`, `≤ ${q.targets.growth10x}`, q.met.growth10x);
      if (q.growth10x.cpu) row("2 due queue", "10M ÷ 1M p95 of CPU time (next due, today)", `${q.growth10x.cpu.nextDue}, ${q.growth10x.cpu.today}`, `≤ ${q.targets.growth10x}`, null);
      if (q.growth10x.sql) row("2 due queue", "10M ÷ 1M p95 of the plain SQL (next due, today)", `${q.growth10x.sql.nextDue}, ${q.growth10x.sql.today}`, `≤ ${q.targets.growth10x}`, null);
    }
  }

  const b = r.bank;
  if (b?.error) row("3 bank", "run", b.error, "", false);
  else if (b) {
    row("3 bank", "real pack (381 facts), median", ms(b.real?.medianMs), `≤ ${b.targets.realMs} ms`, b.met.realMs);
    row("3 bank", "100× pack, median", ms(b.x100?.medianMs), "", null);
    row("3 bank", "100× ÷ 1×", `${b.ratio100}`, `≤ ${b.targets.ratio100}`, b.met.ratio100);
  }

  const p = r.pages;
  if (p?.error) row("4 pages", "run", p.error, "", false);
  else if (p) {
    row("4 pages", "floor: Next runtime JS (gzip)", `${p.floor.gzipKB} kB`, "", null);
    for (const w of p.weights) row("4 pages", `${w.page} JS (gzip)${w.signedIn ? ", signed in" : ""}`, `${w.gzipKB} kB (floor + ${w.overFloorKB} kB)`, `≤ floor + ${p.targets.overFloorKB} kB`, w.met);
    for (const l of p.lighthouse) {
      row("4 Lighthouse (mobile)", `${l.page} performance / accessibility`, `${l.performance} / ${l.accessibility}`, `≥ ${p.targets.performance} / ${p.targets.accessibility}`, l.met);
      const host = l.benchmarkIndex === undefined ? "" : `; host BenchmarkIndex ${l.benchmarkIndex}${l.slowHost ? " (Lighthouse: slow host CPU)" : ""}`;
      row("4 Lighthouse (mobile)", `${l.page} LCP, TBT, JS transferred`, `${l.lcpMs} ms, ${l.tbtMs} ms, ${l.jsTransferKB} kB${host}`, "", null);
    }
  }

  const g = r.grade;
  if (g?.error) row("5 grade → next card", "run", g.error, "", false);
  else if (g) row("5 grade → next card", `median / p95 over ${g.cards} cards`, `${g.medianMs} / ${g.p95Ms} ms`, `p95 ≤ ${g.targets.p95Ms} ms`, g.met.p95);

  const l = r.load;
  if (l?.error) row("6 load without loss", "run", l.error, "", false);
  else if (l) {
    for (const x of l.runs as any[]) {
      const label = `6 load (${x.engine === "sqlite" ? "SQLite" : "PostgreSQL"}${x.kills ? `, ${x.kills} SIGKILLs` : ""})`;
      row(label, `${l.students} students × ${l.seconds} s: acked, sent twice, req/s, 5xx`, `${x.acked}, ${x.sentTwice}, ${x.reqPerSec}, ${x.serverErrors}`, "", null);
      row(label, "lost, duplicated, cards ≠ replay of log", `${x.lost}, ${x.duplicated}, ${x.cardMismatches}`, "0, 0, 0", x.ok);
    }
  }

  const at = r.attack;
  if (at?.error) row("7 attack", "run", at.error, "", false);
  else if (at) {
    for (const engine of ["sqlite", "postgres"]) {
      const x = at[engine];
      if (!x) continue;
      const label = `7 attack (${engine === "sqlite" ? "SQLite" : "PostgreSQL"})`;
      row(label, `others' review p50/p95 without → with the attacker (${x.victimRate} req/s)`, `${x.normal.review.p50}/${x.normal.review.p95} → ${x.attacked.review.p50}/${x.attacked.review.p95} ms`, "", null);
      row(label, "others' review p95 with ÷ without", `${x.p95Ratio}`, `≤ ${x.targets.p95Ratio}`, x.met.p95Ratio);
      row(label, "GET /api/health p95/max without → with", `${x.normal.health.p95}/${x.normal.health.max} → ${x.attacked.health.p95}/${x.attacked.health.max} ms`, "", null);
      row(label, "attacker: imports (p95), late reviews n (p95), 429s", `${x.attack.imports} (${x.attack.import.p95} ms), ${x.attack.lateReviews.n} (${x.attack.lateReviews.p95} ms), ${x.attack.rateLimited}`, "", null);
    }
  }

  // The plans of the due-queue reads, SQL shortened to what follows FROM.
  const plans: string[] = [];
  for (const [key, label] of [
    ["sqlite1M", "SQLite (EXPLAIN QUERY PLAN), 1M cards"],
    ["postgres1M", "PostgreSQL (EXPLAIN), 1M cards"],
  ] as const) {
    const list = q?.[key]?.plan as { sql: string; plan: string[] }[] | undefined;
    if (!list) continue;
    plans.push("", `${label}:`, "", "```");
    for (const p of list) {
      const from = p.sql.slice(p.sql.search(/ FROM /i) + 1).replace(/`main`\.|"public"\./g, "");
      plans.push(`SELECT … ${from}`, ...p.plan.map((l) => `  ${l}`));
    }
    plans.push("```");
  }

  const when = doc.date.slice(0, 16).replace("T", " ");
  return [
    `Written ${when} UTC (each benchmark's own time is in the load line below) on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}${doc.fullRun ? `; the last full \`npm run bench\` (${doc.fullRun.date.slice(0, 16).replace("T", " ")} UTC) took ${Math.round(doc.fullRun.seconds / 60)} min` : ""}.`,
    "",
    "| benchmark | measure | result | target | met |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `Load of the shared machine (1-minute load average on ${m.cpus} cores, before → after each benchmark): ` +
      Object.entries(r)
        .filter(([, x]) => x && typeof x.loadAvgBefore === "number")
        .map(([name, x]) => `${name} ${x.loadAvgBefore} → ${x.loadAvgAfter} (${x.seconds} s, ended ${String(x.date).slice(11, 16)} UTC)`)
        .join(", ") +
      ".",
    ...(plans.length > 0 ? ["", "Query plans of the due-queue reads (the SQL Prisma sent, captured from its query log):", ...plans] : []),
  ].join("\n");
}
