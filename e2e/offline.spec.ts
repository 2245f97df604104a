import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { withSessionCookie } from "./api";
import { answerShownQuestion, freshEmail, signIn, signOut, signUp } from "./helpers";

// Service workers are on by default in Playwright's Chromium; said here because every test
// below depends on one.
test.use({ serviceWorkers: "allow" });

const PASSWORD = "offline-pass-1";

/** The width and height in a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** What the page's service worker registration is doing, for a failure message. */
function workerState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    const state = (w: ServiceWorker | null | undefined) => w?.state ?? "none";
    return `controller ${state(navigator.serviceWorker.controller)}, installing ${state(r?.installing)}, waiting ${state(r?.waiting)}, active ${state(r?.active)}`;
  });
}

/** What the device still holds of a learner: cached /study pages, offline bundles, waiting reviews. */
function leftOnDevice(page: Page) {
  return page.evaluate(async () => {
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("delta-recall-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      });
    // The page after sign-out (signed out) may be cached again; nothing of the learner's is.
    const pages = (await (await caches.open("pages")).keys()).map((r) => new URL(r.url).pathname);
    return { studyPages: pages.filter((p) => p.startsWith("/study")), bundles: await count("bundle"), outbox: await count("outbox") };
  });
}

/** The worker controls the page, the page is in its cache and the offline bundle is on the device. */
async function readyOffline(page: Page) {
  // Usually under a second. Once the worker is active it claims the page; a reload is the
  // standard way for a page to come under an active worker, kept for the rare claim that did
  // not reach this page (a desktop CI run once waited 30 s for it while another test loaded the server).
  await expect(async () => {
    const active = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === "activated"));
    expect(active, await workerState(page)).toBe(true);
  }).toPass({ timeout: 40_000 });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-bundle", /^\d+$/, { timeout: 20_000 });
  await page.waitForFunction(async () => (await (await caches.open("pages")).match("/study", { ignoreVary: true })) !== undefined, null, {
    timeout: 20_000,
  });
}

async function pending(page: Page, n: number) {
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-pending", String(n), { timeout: 20_000 });
}

/**
 * Waits until the server holds `n` review-log entries of this learner. The next card shows before
 * the last grade is even in the outbox, so "0 pending" alone does not say it was sent.
 */
async function onServer(page: Page, n: number) {
  const entries = async () => ((await (await page.request.get("/api/account/export")).json()) as { reviews: unknown[] }).reviews.length;
  await expect.poll(entries, { timeout: 20_000 }).toBe(n);
}

/** Flips the card on screen and grades it Good; returns once the next card (or the end) shows. */
async function studyFlashcard(page: Page) {
  const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
  await page.getByRole("button", { name: "显示答案" }).click();
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.getByRole("button", { name: /^良好/ }).click();
  await expect(page.getByTestId("prompt").or(page.getByTestId("study-done"))).not.toHaveText(prompt);
}

async function flashcards(page: Page) {
  await page.getByRole("radio", { name: "闪卡" }).click();
  await expect(page.getByRole("button", { name: "显示答案" })).toBeVisible();
}

/** Every control of the study page (links, buttons, labels, fields) is at least 44 px on each side. */
async function tapTargets(page: Page) {
  const small = await page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("a, button, label, select, input")]
      .filter((el) => el.getClientRects().length > 0 && !(el instanceof HTMLInputElement && el.closest("label")))
      .map((el) => ({ html: el.outerHTML.slice(0, 100), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ html, box }) => `${Math.round(box.width)}x${Math.round(box.height)} ${html}`),
  );
  expect(small).toEqual([]);
}

async function reviewsOnServer(page: Page): Promise<string> {
  await page.goto("/stats");
  return (await page.getByTestId("reviews-today").textContent()) ?? "";
}

async function newDevice(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", serviceWorkers: "allow" });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("欢迎回来")).toBeVisible();
  return { context, page };
}

test("the manifest is valid, the icons are there, and the service worker controls the page", async ({ page, request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({ name: "Delta Recall", short_name: "Delta Recall", start_url: "/study", display: "standalone", theme_color: "#0f766e", background_color: "#ffffff" });
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(purposes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await file.body()).join("x")).toBe(icon.sizes);
  }

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);
  // Chromium's own install criteria: no installability errors but "in-incognito", which every
  // Playwright context is (a property of the test browser, not of the app).
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});

test("a learner studies offline, reloads offline, and every review reaches the server once", async ({ page, context }) => {
  const email = freshEmail("offline");
  await signUp(page, { email, name: "离线学习者", password: PASSWORD });
  await page.goto("/study");
  await readyOffline(page);

  await tapTargets(page);
  await flashcards(page);
  await page.getByRole("button", { name: "显示答案" }).click();
  await tapTargets(page);
  await page.getByRole("button", { name: /^良好/ }).click();
  for (let n = 0; n < 4; n++) await studyFlashcard(page);
  await pending(page, 0);
  await onServer(page, 5);

  await context.setOffline(true);
  await expect(page.getByTestId("offline-status")).toContainText("离线中");
  for (let n = 0; n < 5; n++) await studyFlashcard(page);
  await expect(page.getByTestId("offline-status")).toContainText("离线中，5 条复习等待同步");
  // Undo offline takes back the newest waiting review, and its card comes back to study again.
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByText("已撤销上一次（尚未同步的）复习。")).toBeVisible();
  await pending(page, 4);
  await studyFlashcard(page);
  await pending(page, 5);

  // Reload without the network: the worker serves the page, the queue comes from IndexedDB.
  await page.reload();
  await expect(page.getByTestId("offline-status")).toContainText("离线中，5 条复习等待同步");
  // A waiting review the server will refuse (say its question left the bank in a content update).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("delta-recall-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("outbox", "readwrite");
          const outbox = tx.objectStore("outbox");
          const all = outbox.getAll();
          all.onsuccess = () => {
            const userId = (all.result[0] as { userId: string }).userId;
            outbox.add({ userId, clientId: "gone-question-1", questionId: "0123456789abcdef", key: "gone/gone/gone", rating: 3, reviewedAt: new Date().toISOString(), durationMs: 900 });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // A quiz answer offline: kept on the device, the back shown, graded by the server at sync.
  // The flashcard mode chosen above holds across the reload: back to quiz mode.
  await page.getByRole("radio", { name: "答题" }).click();
  await answerShownQuestion(page);
  await expect(page.getByTestId("offline-feedback")).toContainText("联网后由服务器评分");
  await page.getByRole("button", { name: "下一张" }).click();
  await expect(page.getByTestId("offline-status")).toContainText("7 条复习等待同步");

  // Back online: sent oldest first; the refused one is dropped and said so; the others count once.
  await context.setOffline(false);
  await pending(page, 0);
  await expect(page.getByTestId("offline-status")).toContainText("已同步 6 条复习");
  await expect(page.getByTestId("offline-status").getByRole("alert")).toContainText("服务器拒绝了 1 条复习");
  expect(await reviewsOnServer(page)).toBe("11");
});

test("two devices of one learner: reviews from both count once each", async ({ page, context, browser }) => {
  const email = freshEmail("devices");
  await signUp(page, { email, name: "两台设备", password: PASSWORD });
  await page.goto("/study");
  await readyOffline(page);
  await flashcards(page);
  for (let n = 0; n < 2; n++) await studyFlashcard(page);
  await pending(page, 0);
  await onServer(page, 2);

  // The phone goes offline and studies on.
  await context.setOffline(true);
  for (let n = 0; n < 3; n++) await studyFlashcard(page);
  await pending(page, 3);

  // Meanwhile a second device studies online (possibly the same cards: both reviews count).
  const second = await newDevice(browser, email);
  await second.page.goto("/study");
  await flashcards(second.page);
  for (let n = 0; n < 4; n++) await studyFlashcard(second.page);
  await onServer(second.page, 6);
  expect(await reviewsOnServer(second.page)).toBe("6");

  // Back online, the first device syncs its three.
  await context.setOffline(false);
  await pending(page, 0);
  expect(await reviewsOnServer(page)).toBe("9");
  expect(await reviewsOnServer(second.page)).toBe("9");
  await second.context.close();
});

test("offline, a page with no copy on the device opens the offline page, which leads to study", async ({ page, context }) => {
  await signUp(page, { email: freshEmail("nocopy"), name: "离线访客", password: PASSWORD });
  await page.goto("/study");
  await readyOffline(page);
  await page.waitForFunction(async () => (await (await caches.open("pages")).match("/offline", { ignoreVary: true })) !== undefined, null, {
    timeout: 20_000,
  });
  await context.setOffline(true);
  for (const path of ["/decks", "/study/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "你现在离线" })).toBeVisible();
  }
  await page.getByRole("link", { name: "离线学习" }).click();
  await expect(page.getByTestId("prompt")).toBeVisible();
  await context.setOffline(false);
});

// Signing out needs the network; that waiting reviews survive it is in the unit tests.
test("signing out on a shared device drops the cached pages and the offline bundle", async ({ page }) => {
  await signUp(page, { email: freshEmail("shared"), name: "共用设备", password: PASSWORD });
  await page.goto("/study");
  await readyOffline(page);
  await flashcards(page);
  await studyFlashcard(page);
  await pending(page, 0);
  await onServer(page, 1);

  await signOut(page);
  expect(await leftOnDevice(page)).toEqual({ studyPages: [], bundles: 0, outbox: 0 });
});

test("deleting the account clears the device too and ends every copy of the session", async ({ page, context, playwright, baseURL }) => {
  const email = freshEmail("deleted");
  await signUp(page, { email, name: "删号的人", password: PASSWORD });
  await page.goto("/study");
  await readyOffline(page);
  await flashcards(page);
  await studyFlashcard(page);
  await pending(page, 0);
  await onServer(page, 1);
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token")?.value ?? "";
  expect((await withSessionCookie(playwright, String(baseURL), cookie)).session.user).toMatchObject({ email });

  await page.goto("/account");
  await page.getByLabel("输入密码以确认").fill(PASSWORD);
  await page.getByRole("button", { name: "永久删除我的账户" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  expect(await leftOnDevice(page)).toEqual({ studyPages: [], bundles: 0, outbox: 0 });
  // A copy of the cookie no longer says who the account was, and is not renewed.
  const copy = await withSessionCookie(playwright, String(baseURL), cookie);
  expect(copy).toEqual({ session: {}, renewed: "", study: expect.stringMatching(/\/signin\?/) });
});
