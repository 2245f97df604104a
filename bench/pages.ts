// Benchmark 4: page weight and Lighthouse. Needs the react-server condition (it seeds a class
// with the app's mutations):
//
//   node --conditions=react-server --import tsx bench/pages.ts
//
// Client JS: each page is loaded in Chromium (playwright-core, /usr/bin/chromium) until the
// network is idle; every script it loaded is fetched again from the server with
// `Accept-Encoding: gzip` and its compressed bytes summed (what the wire carries, without
// headers). The floor is Next's own runtime in the same build: the scripts every App Router page
// loads (`rootMainFiles` of .next/build-manifest.json), measured the same way.
// Lighthouse 12 (mobile defaults: simulated slow 4G and 4× CPU slowdown) on `/` and `/study`.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { removeSqlite, sqliteUrl } from "./lib/db";
import { seedClassroom, SESSION_COOKIE } from "./lib/app";
import { emit, log, PORTS, ROOT, round, runMain, startServer, WORK_DIR } from "./lib/util";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGETS = { overFloorKB: 50, performance: 95, accessibility: 100 };
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);

/** Compressed size of a URL as the server sends it with gzip accepted. */
function gzipBytes(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function scriptsOf(base: string, pagePath: string, token: string | null): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base }]);
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (r) => {
      if (r.request().resourceType() === "script" && r.url().startsWith(base)) scripts.add(r.url());
    });
    const res = await page.goto(base + pagePath, { waitUntil: "networkidle" });
    if (!res?.ok()) throw new Error(`${pagePath} answered ${res?.status()}`);
    if (new URL(page.url()).pathname !== pagePath) throw new Error(`${pagePath} redirected to ${page.url()}`);
    return [...scripts];
  } finally {
    await browser.close();
  }
}

async function sumGzip(urls: string[]) {
  let total = 0;
  for (const u of urls) {
    const { bytes, encoding } = await gzipBytes(u);
    if (encoding !== "gzip") throw new Error(`${u} was not gzipped (${encoding})`);
    total += bytes;
  }
  return total;
}

function lighthouse(url: string, token: string | null, name: string) {
  const out = path.join(WORK_DIR, `lighthouse-${name}.json`);
  const args = [
    path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js"),
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ...(token ? [`--extra-headers=${JSON.stringify({ Cookie: `${SESSION_COOKIE}=${token}` })}`] : []),
  ];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`lighthouse ${url} failed: ${r.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    finalDisplayedUrl: string;
    environment: { benchmarkIndex: number };
    runWarnings: string[];
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;
  };
  rmSync(out);
  const scripts = report.audits["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
  return {
    finalUrl: new URL(report.finalDisplayedUrl).pathname,
    performance: Math.round((report.categories["performance"]?.score ?? 0) * 100),
    accessibility: Math.round((report.categories["accessibility"]?.score ?? 0) * 100),
    lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? NaN),
    tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? NaN),
    jsTransferKB: round((scripts?.transferSize ?? 0) / 1024, 1),
    // Lighthouse's own reading of the host's CPU speed; below 1000 it warns that the 4× slowdown
    // emulates a slower phone than intended and scores come out low (see bench/README.md).
    benchmarkIndex: Math.round(report.environment.benchmarkIndex),
    slowHost: report.runWarnings.some((w) => w.includes("slower CPU")),
  };
}

export async function pagesBench() {
  const { url: databaseUrl, file } = sqliteUrl("pages");
  removeSqlite(file);
  const server = await startServer({ port: PORTS.pages, databaseUrl, name: "pages" });
  try {
    const { assignmentId, studentToken } = await seedClassroom(databaseUrl);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    const floorUrls = manifest.rootMainFiles.map((f) => `${server.url}/_next/${f}`);
    const floorBytes = await sumGzip(floorUrls);
    const pages: { path: string; signedIn: boolean; label: string }[] = [
      { path: "/", signedIn: false, label: "/" },
      { path: "/study", signedIn: true, label: "/study" },
      { path: "/practice/yrd", signedIn: false, label: "/practice/yrd" },
      { path: `/assignments/${assignmentId}`, signedIn: true, label: "/assignments/[id]" },
    ];
    const weights = [];
    for (const p of pages) {
      const scripts = await scriptsOf(server.url, p.path, p.signedIn ? studentToken : null);
      const bytes = await sumGzip(scripts);
      const overKB = round((bytes - floorBytes) / 1024, 1);
      weights.push({ page: p.label, signedIn: p.signedIn, scripts: scripts.length, gzipKB: round(bytes / 1024, 1), overFloorKB: overKB, met: overKB <= TARGETS.overFloorKB });
      log(`pages: ${p.label} ${scripts.length} scripts, ${round(bytes / 1024, 1)} kB gzip (floor + ${overKB} kB)`);
    }
    const lh = [];
    for (const p of [pages[0]!, pages[1]!]) {
      const runs = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(lighthouse(server.url + p.path, p.signedIn ? studentToken : null, p.label.replace(/\W/g, "_") || "root"));
      // The median run by performance score.
      runs.sort((a, b) => a.performance - b.performance);
      const r = runs[Math.floor(runs.length / 2)]!;
      if (r.finalUrl !== p.path) throw new Error(`lighthouse ended on ${r.finalUrl}, not ${p.path}`);
      lh.push({ page: p.label, runs: runs.length, ...r, met: r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility });
      log(`lighthouse: ${p.label} ${JSON.stringify(r)}`);
    }
    return {
      floor: { scripts: floorUrls.length, gzipKB: round(floorBytes / 1024, 1), what: "rootMainFiles of .next/build-manifest.json (Next runtime + React)" },
      weights,
      lighthouse: lh,
      targets: TARGETS,
      met: { weight: weights.every((w) => w.met), lighthouse: lh.every((l) => l.met) },
    };
  } finally {
    await server.stop();
    removeSqlite(file);
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    await emit(await pagesBench());
  });
}
