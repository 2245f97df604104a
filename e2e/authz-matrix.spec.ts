import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymous, callAction, draftInput, Form, makeFixtures, type ActionReply, type Fixtures } from "./api";

// Who may use each page, route handler (per method) and server action. The app's files are walked
// at test time: a page, method or action without a row here fails the test, and so does a row
// whose file is gone. Outcomes:
//   ok      2xx (the page renders, the action returns ok: true)
//   signin  a redirect to /signin (pages) or 401 / UNAUTHORIZED (routes, actions)
//   denied  403/404 (pages, routes) or FORBIDDEN / NOT_FOUND (actions): someone else's class
//           is NOT_FOUND so ids cannot be probed (lib/features/classes/access.ts)
//   →/path  a redirect elsewhere;   code:X  another refusal code (a rule, not authorization)
// Rows run in order, each for anonymous, the other student, the other teacher, the student and
// the teacher; rows that change the fixtures for later ones (submit, remove, delete) come last.

// Playwright runs from the project root (where its config is).
const root = process.cwd();
type Outcome = string;
const personas = ["anonymous", "student", "otherStudent", "teacher", "otherTeacher"] as const;
type Who = (typeof personas)[number];
/** Expected outcome for [anonymous, student (member), other student, teacher (of the class), other teacher]. */
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome];

const PUBLIC: Row = ["ok", "ok", "ok", "ok", "ok"];
const SIGNED_IN: Row = ["signin", "ok", "ok", "ok", "ok"];
const MEMBER: Row = ["signin", "ok", "denied", "ok", "denied"];
const STUDENT_ONLY: Row = ["signin", "ok", "denied", "denied", "denied"];
const TEACHER_OF_CLASS: Row = ["signin", "denied", "denied", "ok", "denied"];
const ANY_TEACHER: Row = ["signin", "denied", "denied", "ok", "ok"];
const GUEST_ONLY: Row = ["ok", "→/", "→/", "→/", "→/"];

type F = Fixtures & { who: Who };
interface Entry {
  /** page.tsx / route.ts path, or `file#export` for an action. */
  key: string;
  who: Row;
  run: (request: APIRequestContext, f: F) => Promise<Outcome>;
}

const c = (f: F) => `/classes/${f.classId}`;
const a = (f: F) => `/classes/${f.classId}/assignments/${f.assignmentId}`;

function page(file: string, url: (f: F) => string, who: Row): Entry {
  return { key: `app/${file}/page.tsx`.replace("app//", "app/"), who, run: async (request, f) => pageOutcome(await request.get(url(f), { maxRedirects: 0 })) };
}

function route(file: string, method: "GET" | "POST", url: (f: F) => string, who: Row, body?: (f: F) => unknown): Entry {
  return {
    key: `app/${file}/route.ts ${method}`,
    who,
    run: async (request, f) => {
      const response = await request.fetch(url(f), { method, maxRedirects: 0, ...(body ? { data: body(f) } : {}) });
      return routeOutcome(response.status(), response.headers()["location"], await response.text());
    },
  };
}

function action(key: string, who: Row, args: (f: F) => unknown[]): Entry {
  return { key: `lib/features/${key}`, who, run: async (request, f) => actionOutcome(await callAction(request, `lib/features/${key.replace("#", ".ts#")}`, args(f))) };
}

function redirectOutcome(location: string): Outcome {
  const to = new URL(location, "http://x").pathname;
  return to === "/signin" ? "signin" : `→${to}`;
}

function pageOutcome(response: { status(): number; headers(): Record<string, string> }): Outcome {
  const status = response.status();
  const location = response.headers()["location"];
  if (status >= 300 && status < 400 && location) return redirectOutcome(location);
  if (status >= 200 && status < 300) return "ok";
  if (status === 403 || status === 404) return "denied";
  return `status:${status}`;
}

function routeOutcome(status: number, location: string | undefined, text: string): Outcome {
  if (status >= 300 && status < 400 && location) return redirectOutcome(location);
  if (status >= 200 && status < 300) return "ok";
  if (status === 401) return "signin";
  if (status === 403 || status === 404) return "denied";
  const code = (() => {
    try {
      return (JSON.parse(text) as { error?: string }).error;
    } catch {
      return undefined;
    }
  })();
  return code ? `code:${code}` : `status:${status}`;
}

function actionOutcome(reply: ActionReply): Outcome {
  if (reply.kind !== "result") return `${reply.kind}:${reply.status}`;
  if (reply.ok) return "ok";
  if (reply.code === "UNAUTHORIZED") return "signin";
  if (reply.code === "FORBIDDEN" || reply.code === "NOT_FOUND") return "denied";
  return `code:${reply.code}`;
}

let n = 0;
const unique = (f: F) => `${f.who}-${Date.now()}-${++n}`;
const settingsForm = { desiredRetention: "0.9", newPerDay: "20", reviewsPerDay: "200", timeZone: "Asia/Shanghai", dayStartHour: "4", examDate: "" };

// ---- The table ----------------------------------------------------------------------------
// Adding a page, route or action: one line here (the walk below names what is missing).
const entries: Entry[] = [
  // Pages
  page("", () => "/", PUBLIC),
  page("signin", () => "/signin", GUEST_ONLY),
  page("signup", () => "/signup", GUEST_ONLY),
  page("decks", () => "/decks", PUBLIC),
  page("decks/[pack]", () => "/decks/yrd", PUBLIC),
  page("practice/[pack]", () => "/practice/yrd", PUBLIC),
  page("offline", () => "/offline", PUBLIC),
  page("account", () => "/account", SIGNED_IN),
  page("stats", () => "/stats", SIGNED_IN),
  page("study", () => "/study", SIGNED_IN),
  page("study/leeches", () => "/study/leeches", SIGNED_IN),
  page("study/settings", () => "/study/settings", SIGNED_IN),
  page("join", () => "/join", SIGNED_IN),
  page("join/[code]", (f) => `/join/${f.joinCode}`, SIGNED_IN),
  page("classes", () => "/classes", SIGNED_IN),
  // Students get the page with a "teachers only" note instead of the form; the action refuses them.
  page("classes/new", () => "/classes/new", SIGNED_IN),
  page("classes/[classId]", c, MEMBER),
  page("classes/[classId]/recall", (f) => `${c(f)}/recall`, TEACHER_OF_CLASS),
  page("classes/[classId]/assignments", (f) => `${c(f)}/assignments`, MEMBER),
  page("classes/[classId]/assignments/new", (f) => `${c(f)}/assignments/new`, TEACHER_OF_CLASS),
  // Any student is sent to their own page of the assignment (denied there unless a member), before any lookup.
  page("classes/[classId]/assignments/[assignmentId]", a, ["signin", "→/assignments/*", "→/assignments/*", "ok", "denied"]),
  page("classes/[classId]/assignments/[assignmentId]/edit", (f) => `/classes/${f.classId}/assignments/${f.draftId}/edit`, TEACHER_OF_CLASS),
  page("classes/[classId]/assignments/[assignmentId]/preview", (f) => `${a(f)}/preview`, TEACHER_OF_CLASS),
  page("classes/[classId]/assignments/[assignmentId]/report", (f) => `${a(f)}/report`, TEACHER_OF_CLASS),
  page("classes/[classId]/assignments/[assignmentId]/report/students/[userId]", (f) => `${a(f)}/report/students/${f.student.id}`, TEACHER_OF_CLASS),
  page("assignments", () => "/assignments", SIGNED_IN),
  page("assignments/[assignmentId]", (f) => `/assignments/${f.assignmentId}`, STUDENT_ONLY),

  // Route handlers
  route("api/auth/[...nextauth]", "GET", () => "/api/auth/session", PUBLIC),
  // A sign-in POST without next-auth's CSRF token is sent back to next-auth's sign-in, whoever asks.
  route("api/auth/[...nextauth]", "POST", () => "/api/auth/callback/credentials", ["→/api/auth/signin", "→/api/auth/signin", "→/api/auth/signin", "→/api/auth/signin", "→/api/auth/signin"], () => ({ email: "x@example.com", password: "x" })),
  route("api/study/queue", "GET", () => "/api/study/queue?pack=yrd", SIGNED_IN),
  route("api/study/offline", "GET", () => "/api/study/offline?days=3", SIGNED_IN),
  route("api/health", "GET", () => "/api/health", PUBLIC),
  route("api/reviews", "POST", () => "/api/reviews", SIGNED_IN, (f) => ({ clientId: unique(f), questionId: f.questionId, response: "x" })),
  // Once per account, before it has studied: every persona has just reviewed (the row above), so a CONFLICT for each.
  route("api/reviews/import", "POST", () => "/api/reviews/import", ["signin", "code:CONFLICT", "code:CONFLICT", "code:CONFLICT", "code:CONFLICT"], (f) => ({ reviews: [{ clientId: unique(f), questionId: f.questionId, response: "x", reviewedAt: new Date().toISOString() }] })),
  // The student's own review was not a wrong typed answer: a CONFLICT for them, NOT_FOUND for others.
  route("api/reviews/override", "POST", () => "/api/reviews/override", ["signin", "code:CONFLICT", "denied", "denied", "denied"], (f) => ({ reviewClientId: f.reviewClientId })),
  route("classes/[classId]/assignments/[assignmentId]/report/csv", "GET", (f) => `${a(f)}/report/csv?kind=students`, TEACHER_OF_CLASS),
  route("classes/[classId]/recall/csv", "GET", (f) => `${c(f)}/recall/csv`, TEACHER_OF_CLASS),
  route("api/account/export", "GET", () => "/api/account/export", SIGNED_IN),

  // Server actions
  action("shell/actions#setLocaleAction", PUBLIC, () => ["zh-CN"]),
  action("practice/actions#startPracticeAction", PUBLIC, () => [{ pack: "yrd", topics: [], forms: ["mc"], length: 5 }]),
  action("practice/actions#checkAnswerAction", PUBLIC, (f) => [{ questionId: f.questionId, response: "x" }]),
  action("account/actions#signUpAction", PUBLIC, (f) => [new Form({ email: `matrix-${unique(f)}@example.com`, name: "M", password: "matrix-pass-1", role: "student" })]),
  action("account/actions#changeNameAction", SIGNED_IN, (f) => [new Form({ name: f.who })]),
  // Wrong passwords: refused for everyone signed in, so the personas stay (a change would end
  // their sessions; the change itself is in auth.spec and the data-layer tests).
  action("account/actions#changePasswordAction", ["signin", "code:INVALID_INPUT", "code:INVALID_INPUT", "code:INVALID_INPUT", "code:INVALID_INPUT"], () => [
    new Form({ currentPassword: "wrong-password-1", newPassword: "matrix-pass-2" }),
  ]),
  action("account/actions#deleteAccountAction", ["signin", "code:INVALID_INPUT", "code:INVALID_INPUT", "code:INVALID_INPUT", "code:INVALID_INPUT"], () => [new Form({ password: "wrong-password-1" })]),
  action("study/actions#saveSettingsAction", SIGNED_IN, () => [new Form(settingsForm)]),
  // The card is the student's; it is not suspended, so unsuspending it changes nothing.
  action("study/actions#unsuspendCardAction", STUDENT_ONLY, (f) => [new Form({ cardId: f.cardId })]),
  action("classes/actions#createClassAction", ANY_TEACHER, (f) => [new Form({ name: unique(f) })]),
  // Only students join; everyone joins the other teacher's class, never the fixture class.
  action("classes/actions#joinClassAction", ["signin", "ok", "ok", "denied", "denied"], (f) => [new Form({ code: f.spareCode })]),
  action("classes/actions#regenerateJoinCodeAction", TEACHER_OF_CLASS, (f) => [new Form({ classId: f.classId })]),
  action("classes/actions#setClassArchivedAction", TEACHER_OF_CLASS, (f) => [new Form({ classId: f.classId, archived: "false" })]),
  action("assignments/actions#createAssignmentAction", TEACHER_OF_CLASS, (f) => [f.classId, draftInput("矩阵")]),
  action("assignments/actions#updateAssignmentAction", TEACHER_OF_CLASS, (f) => [f.draftId, draftInput("草稿改")]),
  action("assignments/actions#setExtensionAction", TEACHER_OF_CLASS, (f) => [{ assignmentId: f.assignmentId, userId: f.student.id, extraMinutes: 5, dueAt: "" }]),
  // Starting again resumes the open attempt.
  action("assignments/actions#startAttemptAction", STUDENT_ONLY, (f) => [f.assignmentId]),
  action("assignments/actions#saveAnswerAction", STUDENT_ONLY, (f) => [{ attemptId: f.attemptId, item: 0, response: "x" }]),
  action("assignments/actions#submitAttemptAction", STUDENT_ONLY, (f) => [f.attemptId]),
  // Undo takes back the caller's own last review (the client id names the undo, for repeats):
  // there is no way to point it at someone else's. Each persona has a review from the rows above.
  // Before the reset: the student's last review (the submitted attempt's) may be of the card the
  // reset clears, which would leave nothing to undo.
  route("api/reviews/undo", "POST", () => "/api/reviews/undo", SIGNED_IN, (f) => ({ clientId: unique(f) })),
  action("study/actions#resetCardAction", STUDENT_ONLY, (f) => [new Form({ cardId: f.cardId })]),
  // A question that is not in the draft: the class teacher gets past the gate to a CONFLICT.
  action("assignments/actions#changeDraftQuestionAction", ["signin", "denied", "denied", "code:CONFLICT", "denied"], (f) => [
    { assignmentId: f.draftId, questionId: f.questionId, change: "drop" },
  ]),
  // The attempt is handed in by now; its answer to item 0 is a choice, which cannot be flagged.
  action("assignments/actions#flagAnswerAction", ["signin", "code:CONFLICT", "denied", "denied", "denied"], (f) => [{ attemptId: f.attemptId, item: 0 }]),
  action("assignments/actions#acceptAnswerAction", TEACHER_OF_CLASS, (f) => [{ attemptId: f.attemptId, questionId: f.assignmentQuestionId, scope: "student" }]),
  action("assignments/actions#publishAssignmentAction", TEACHER_OF_CLASS, (f) => [{ assignmentId: f.draftId }]),
  action("assignments/actions#deleteAssignmentAction", TEACHER_OF_CLASS, (f) => [f.draftId]),
  action("classes/actions#removeStudentAction", TEACHER_OF_CLASS, (f) => [new Form({ classId: f.classId, userId: f.student.id })]),
];

// ---- What the app has ---------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(`${dir}/${d.name}`) : [`${dir}/${d.name}`],
  );
}

/** Every page, route method and server action in the source tree. */
function surface(): string[] {
  const keys: string[] = [];
  for (const file of walk("app")) {
    if (file.endsWith("/page.tsx")) keys.push(file);
    if (file.endsWith("/route.ts")) {
      const text = readFileSync(path.join(root, file), "utf8");
      const methods = new Set<string>();
      for (const m of text.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1] ?? "");
      for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of (m[1] ?? "").matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(n[1] ?? "");
      expect(methods.size, `${file} exports no method the walk recognizes`).toBeGreaterThan(0);
      for (const method of methods) keys.push(`${file} ${method}`);
    }
  }
  for (const file of [...walk("lib"), ...walk("app")]) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["']/.test(text)) continue;
    for (const m of text.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(\w+)/g)) keys.push(`${file.replace(/\.tsx?$/, "")}#${m[1]}`);
  }
  return keys.sort();
}

// ---- The test -----------------------------------------------------------------------------

test.describe.configure({ mode: "serial" });
let fixtures: Fixtures;
let anon: APIRequestContext;

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  fixtures = await makeFixtures(playwright, baseURL, "mx");
  anon = await anonymous(playwright, baseURL);
});

test("every page, route method and server action has a row in the matrix", () => {
  const listed = entries.map((e) => e.key);
  const have = surface();
  expect(have.filter((k) => !listed.includes(k)), "pages, methods or actions without a row").toEqual([]);
  expect(listed.filter((k) => !have.includes(k)), "rows for something the app no longer has").toEqual([]);
  expect(new Set(listed).size, "one row per page, method or action").toBe(listed.length);
});

test("each persona gets exactly what the matrix says", async () => {
  test.setTimeout(120_000);
  const order: Who[] = ["anonymous", "otherStudent", "otherTeacher", "student", "teacher"];
  const wrong: string[] = [];
  const redirectTarget = (expected: Outcome) => expected.replace("*", "");
  for (const entry of entries) {
    for (const who of order) {
      const request = who === "anonymous" ? anon : fixtures[who].request;
      const got = await entry.run(request, { ...fixtures, who });
      const expected = entry.who[personas.indexOf(who)] ?? "";
      const matches = expected.endsWith("*") ? got.startsWith(redirectTarget(expected)) : got === expected;
      if (!matches) wrong.push(`${entry.key} as ${who}: expected ${expected}, got ${got}`);
    }
  }
  console.log(`authz matrix: ${entries.length} rows, ${entries.length * personas.length} checks`);
  expect(wrong).toEqual([]);
});

// Signing out ends every session of the account (sessionVersion), so a sign-out someone else
// could trigger (a cross-site form, no CSRF token) would sign the victim out everywhere.
test("a sign-out without next-auth's CSRF token ends no one's session", async () => {
  for (const who of ["student", "teacher", "otherStudent", "otherTeacher"] as const) {
    const { request, id } = fixtures[who];
    const response = await request.post("/api/auth/signout", { form: { callbackUrl: "/" }, maxRedirects: 0 });
    expect(response.headers()["location"], who).toMatch(/\/api\/auth\/signout\?csrf=true$/);
    const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id: string } };
    expect(session.user?.id, who).toBe(id);
  }
});
