import { expect, test } from "@playwright/test";
import { callAction, Form, makeFixtures, openDb, snapshot, type Fixtures } from "./api";

// Cross-site requests that carry the victim's session. SameSite=Lax keeps the cookie off most
// cross-site POSTs; beyond that, Next refuses a server action whose Origin is not the host, and
// the route handlers that write refuse what the browser marks cross-site (lib/server/route.ts).

test.describe.configure({ mode: "serial" });
let f: Fixtures;
let baseURL = "";

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  baseURL = String(testInfo.project.use.baseURL);
  f = await makeFixtures(playwright, baseURL, "csrf");
});

test("the session cookie is HttpOnly and SameSite=Lax", () => {
  const attributes = f.teacher.sessionCookie.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toContain("httponly");
  expect(attributes).toContain("samesite=lax");
  expect(attributes).toContain("path=/");
});

test("a server action posted from another origin is refused and changes nothing", async () => {
  const db = openDb();
  const users = [f.teacher.id, f.student.id];
  const before = snapshot(db, users);
  for (const origin of ["https://evil.example", "http://localhost:1", "null"]) {
    const reply = await callAction(f.teacher.request, "lib/features/classes/actions.ts#createClassAction", [new Form({ name: "跨站" })], {
      headers: { Origin: origin },
    });
    // Next aborts before running the action ("Invalid Server Actions request"): no result row.
    expect(reply.kind, origin).not.toBe("result");
    expect(snapshot(db, users), origin).toBe(before);
  }
  // The same call from the app's own origin goes through: the refusal was the Origin's doing.
  const own = await callAction(f.teacher.request, "lib/features/classes/actions.ts#createClassAction", [new Form({ name: "同源" })], { headers: { Origin: baseURL } });
  expect(own.kind === "result" && own.ok).toBe(true);
  db.close();
});

test("route handlers that write refuse cross-site requests, even a text/plain form post", async () => {
  const db = openDb();
  const users = [f.student.id];
  const writes: [string, (n: number) => unknown][] = [
    ["/api/reviews", (n) => ({ clientId: `csrf-review-${n}`, questionId: f.questionId, response: "x" })],
    ["/api/reviews/import", (n) => ({ reviews: [{ clientId: `csrf-import-${n}`, questionId: f.questionId, response: "x", reviewedAt: new Date().toISOString() }] })],
    ["/api/reviews/undo", () => ({ clientId: f.reviewClientId })],
    ["/api/reviews/override", () => ({ reviewClientId: f.reviewClientId })],
  ];
  // What a page elsewhere can make a browser send: a form (text/plain needs no preflight) or fetch.
  const crossSite: Record<string, string>[] = [
    { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" },
    { Origin: "http://localhost:1", "Sec-Fetch-Site": "same-site", "Content-Type": "text/plain" },
    { Origin: "https://evil.example", "Content-Type": "application/json" },
    { "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" },
  ];
  let n = 0;
  const before = snapshot(db, users);
  for (const [url, body] of writes) {
    for (const headers of crossSite) {
      const response = await f.student.request.post(url, { data: JSON.stringify(body(++n)), headers });
      expect(response.status(), `${url} ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toEqual({ error: "FORBIDDEN" });
      expect(snapshot(db, users), url).toBe(before);
    }
  }
  // The app's own requests (same-origin fetch) still write.
  const own = await f.student.request.post("/api/reviews", {
    data: writes[0]?.[1](++n),
    headers: { Origin: baseURL, "Sec-Fetch-Site": "same-origin" },
  });
  expect(own.status()).toBe(200);
  expect(snapshot(db, users)).not.toBe(before);
  // Reads are not writes: the queue answers a cross-site GET (the cookie rules still apply).
  const read = await f.student.request.get("/api/study/queue", { headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(read.status()).toBe(200);
  db.close();
});
