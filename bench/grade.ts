// Benchmark 5: grade to next card, in the browser. Needs the react-server condition:
//
//   node --conditions=react-server --import tsx bench/grade.ts
//
// A phone-sized Chromium (390×844, touch, Pixel 7 user agent and scale) signed in as a fresh
// learner (200 new cards a day) studies 50 + 5 warm-up flashcards: tap "show answer", then tap
// "Good". The page itself times each card: from the first input event of the grade tap
// (pointerdown/touchstart/click, captured on the document) to the first animation frame after
// the next prompt is in the DOM (a MutationObserver sees it; the frame is when it can be painted).
import path from "node:path";
import { chromium, devices } from "playwright-core";
import { removeSqlite, sqliteUrl } from "./lib/db";
import { seedLearner, SESSION_COOKIE } from "./lib/app";
import { emit, log, PORTS, runMain, startServer, summary } from "./lib/util";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CARDS = 50;
const WARM_UP = 5;
const TARGETS = { p95Ms: 50 };

/**
 * Installed in the page as text (tsx would wrap functions passed as code in a helper the page
 * lacks). `__benchArm()` before a tap; `__benchDone` resolves with the times of that tap.
 */
const IN_PAGE = `
window.__benchArm = () => {
  const before = document.querySelector('[data-testid="prompt"]');
  const beforeText = before && before.textContent;
  let start = -1;
  const onInput = (e) => { if (start < 0) start = e.timeStamp; };
  for (const type of ["pointerdown", "touchstart", "click"]) document.addEventListener(type, onInput, { capture: true, once: true });
  window.__benchDone = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const now = document.querySelector('[data-testid="prompt"]');
      if (!now || (now === before && now.textContent === beforeText) || start < 0) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ total: performance.now() - start, dom: dom - start }));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
};`;

declare global {
  interface Window {
    __benchArm?: () => void;
    __benchDone?: Promise<{ total: number; dom: number }>;
  }
}

export async function gradeBench() {
  const { url: databaseUrl, file } = sqliteUrl("grade");
  removeSqlite(file);
  const port = PORTS.pages + 1;
  const server = await startServer({ port, databaseUrl, name: "grade" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const { token } = await seedLearner(databaseUrl, "grade-bench@bench.local");
    const context = await browser.newContext({
      ...devices["Pixel 7"],
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: "zh-CN",
    });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
    await context.addInitScript({ content: IN_PAGE });
    // Warm the server's queue route first (its first call in a process builds the bank for that
    // route's bundle), as a server that has been up a while would be; the page is then measured whole.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/study/queue`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      if (!res.ok) throw new Error(`queue warm-up answered ${res.status}`);
    }
    const page = await context.newPage();
    await page.goto(`${server.url}/study`, { waitUntil: "networkidle" });
    await page.getByRole("radio", { name: "闪卡" }).tap();
    const total: number[] = [];
    const dom: number[] = [];
    for (let n = 0; n < CARDS + WARM_UP; n++) {
      await page.getByTestId("prompt").waitFor();
      await page.getByRole("button", { name: "显示答案" }).tap();
      const good = page.getByRole("button", { name: /^良好/ });
      await good.waitFor();
      await page.evaluate(() => window.__benchArm?.());
      await good.tap();
      const r = await page.evaluate(() => window.__benchDone);
      if (!r) throw new Error("no measurement");
      if (n >= WARM_UP) {
        total.push(r.total);
        dom.push(r.dom);
      }
    }
    const s = summary(total);
    if (process.env.BENCH_VERBOSE) log(`grade: per card ${total.map((t) => Math.round(t)).join(" ")}`);
    log(`grade: ${JSON.stringify(s)}`);
    return {
      cards: CARDS,
      warmUp: WARM_UP,
      device: "390×844, touch, Pixel 7 UA, DPR 2.625",
      toNextFrameMs: s,
      toDomMs: summary(dom),
      medianMs: s.p50,
      p95Ms: s.p95,
      targets: TARGETS,
      met: { p95: s.p95 <= TARGETS.p95Ms },
    };
  } finally {
    await browser.close();
    await server.stop();
    removeSqlite(file);
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    await emit(await gradeBench());
  });
}
