import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium, never a downloaded browser. Set in each project: a device descriptor
// replaces `use`. The flags keep Chromium off the (closed) network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

// Specs that run in one project only. The phone layout is the phone's alone. The assignment
// flow's student is the phone and its teacher a desktop context it makes itself; the class flow
// the other way round, and the teacher's keyboard flows are a desktop's: a second project would repeat the same test. The HTTP-only specs (no page, so the viewport changes nothing) would only
// double their accounts and time.
const PHONE_ONLY = ["**/assignments.spec.ts", "**/phone-layout.spec.ts"];
const DESKTOP_ONLY = ["**/classes.spec.ts", "**/teacher-forms.spec.ts", "**/authz-matrix.spec.ts", "**/bad-input.spec.ts", "**/csrf.spec.ts", "**/security.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry in CI until issue #19's three green runs without one are shown: a retried test is
  // reported as flaky in the list, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure", video: "off", locale: "zh-CN", timezoneId: "Asia/Shanghai" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, testIgnore: PHONE_ONLY },
    // 390 px wide, touch: the phone every page must work on.
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium }, testIgnore: DESKTOP_ONLY },
  ],
  webServer: {
    // The production build on a fresh SQLite file, through the same start script as `npm start`.
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node --conditions=react-server --import tsx scripts/start.ts",
    url: `${baseURL}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Every spec signs up its own users, all from 127.0.0.1: one school's address, in effect.
    env: { DATABASE_URL: "file:./data/e2e.db", PORT: String(PORT), DEMO: "1", NEXTAUTH_URL: baseURL, SIGNUPS_PER_ADDRESS: "1000" },
  },
});
