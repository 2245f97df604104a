import { expect, test } from "@playwright/test";
import { freshEmail } from "./helpers";
import { callAction, Form, must, openDb, persona } from "./api";

// HTTP-level checks of the server's own answers: the address rate limits count, the headers,
// next-auth's endpoints. Each test makes what it needs; of the loopback address's shared
// budgets they spend one failed sign-in and a sign-up per persona.

test("a sign-in is counted against the connecting address, not the X-Forwarded-For a client sends", async ({ request }) => {
  const spoof = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // One failed sign-in (a success would be refunded): one of the loopback address's 300.
  const reply = await request.post("/api/auth/callback/credentials", {
    headers: { "X-Forwarded-For": spoof },
    form: { csrfToken: csrf.csrfToken, email: freshEmail("spoof"), password: "wrong-password", json: "true" },
    maxRedirects: 0,
  });
  expect(reply.status()).toBeLessThan(500);
  const db = openDb();
  const keys = (db.prepare(`SELECT key FROM "RateLimit" WHERE key LIKE 'signin:ip:%'`).all() as { key: string }[]).map((r) => r.key);
  db.close();
  expect(keys).not.toContain(`signin:ip:${spoof}`);
  expect(keys.some((key) => key === "signin:ip:127.0.0.1" || key === "signin:ip:::1")).toBe(true);
});

test("join-link previews count in the join limit: past it the page no longer tells whether a code exists", async ({ playwright, baseURL }) => {
  // A fresh student: the limit is per user, so no other spec shares this budget.
  const student = await persona(playwright, String(baseURL), "student", "peek");
  const page = async (code: string) => (await student.request.get(`/join/${code}`)).text();
  const codes = Array.from({ length: 20 }, (_, i) => `22222${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i]}`);
  for (const code of codes) expect(await page(code)).toContain("没有使用这个加入码的班级");
  const limited = await page("ABCDEF");
  expect(limited).toContain('data-testid="join-rate-limited"');
  expect(limited).not.toContain("没有使用这个加入码的班级");
  await student.request.dispose();
});

test("an anonymous visitor's join link shows nothing of the class: it asks to sign in first", async ({ request }) => {
  const reply = await request.get("/join/ABCDEF", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(reply.status());
  expect(reply.headers()["location"]).toMatch(/\/signin\?callbackUrl=%2Fjoin%2FABCDEF$/);
});

test("a GET of the credentials callback goes to the sign-in page, which says to try again (no 500)", async ({ request }) => {
  const reply = await request.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(reply.status()).toBe(303);
  expect(reply.headers()["location"]).toBe("/signin?error=Callback");
  // next-auth's own error endpoint lands on the same page (pages.error).
  const error = await request.get("/api/auth/error?error=Configuration", { maxRedirects: 0 });
  expect(error.status()).toBeLessThan(400);
  expect(error.headers()["location"]).toMatch(/\/signin\?error=Configuration$/);
  const page = await request.get("/signin?error=Callback");
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("登录没有完成，请再试一次。");
});

test("HSTS is not sent while NEXTAUTH_URL is http (the e2e server's)", async ({ request }) => {
  const reply = await request.get("/signin");
  expect(reply.headers()["content-security-policy"]).toBeTruthy();
  expect(reply.headers()["strict-transport-security"]).toBeUndefined();
});

test("a class's join link is on NEXTAUTH_URL whatever X-Forwarded-Host the request carries", async ({ playwright, baseURL }) => {
  const teacher = await persona(playwright, String(baseURL), "teacher", "joinhost");
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, "lib/features/classes/actions.ts#createClassAction", [new Form({ name: "链接班" })]));
  const html = await (await teacher.request.get(`/classes/${classId}`, { headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } })).text();
  expect(html).toMatch(new RegExp(`${String(baseURL).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/join/[0-9A-Z]{6}`));
  expect(html).not.toContain("evil.example");
  await teacher.request.dispose();
});
