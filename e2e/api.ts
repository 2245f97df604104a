import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { freshEmail } from "./helpers";

// HTTP-level helpers for the authorization and bad-input specs: personas signed in through the
// API (no browser), server actions called the way Next's client calls them, and a read-only look
// at the e2e SQLite file to prove a refused request wrote nothing.

// Playwright runs from the project root (where its config is).
const root = process.cwd();

// ---- Server actions -------------------------------------------------------------------------

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** `file#export` -> action id, from the production build the e2e server runs. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/** A FormData argument (form actions); every other argument is sent as JSON. */
export class Form {
  constructor(readonly fields: Record<string, string>) {}
}

/** React's reply encoding marks references with a leading `$`; a literal one is doubled. */
function escapeDollars(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDollars(v)]));
  return value;
}

/**
 * The request body Next's client (React's `encodeReply`) sends for these arguments: a JSON array
 * as text, or, when an argument is a FormData, multipart with its fields under `_<n>_` and the
 * root array (referring to it as `$K<n>`) in field `0`, which comes last.
 */
export function actionBody(args: unknown[]): { headers: Record<string, string>; data?: string; multipart?: FormData } {
  const forms: Form[] = [];
  const root = args.map((arg) => {
    if (arg instanceof Form) {
      forms.push(arg);
      return `$K${forms.length.toString(16)}`;
    }
    return escapeDollars(arg);
  });
  if (forms.length === 0) return { headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(root) };
  // A FormData, not an object: field order matters and an object would put "0" first.
  const multipart = new FormData();
  forms.forEach((form, i) => {
    for (const [key, value] of Object.entries(form.fields)) multipart.append(`_${(i + 1).toString(16)}_${key}`, value);
  });
  multipart.append("0", JSON.stringify(root));
  return { headers: {}, multipart };
}

export type ActionReply =
  | { kind: "result"; status: number; ok: true; data: unknown }
  | { kind: "result"; status: number; ok: false; code: string; fields?: Record<string, string> }
  /** The action threw (a bug, or Next refused the request, e.g. a foreign Origin). */
  | { kind: "error"; status: number; text: string }
  /** Not a Flight answer at all (unknown action id, body too large, …). */
  | { kind: "other"; status: number; text: string };

/** Reads the action's value out of the Flight (RSC) answer: row 0 names the row holding it. */
export function parseActionReply(status: number, text: string): ActionReply {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && !rows.has(m[1])) rows.set(m[1], m[2]);
  }
  // A refusal before the action protocol (proxy.ts: body too large) is the app's JSON {error}.
  if (text.startsWith("{")) {
    try {
      const body = JSON.parse(text) as { error?: unknown };
      if (typeof body.error === "string") return { kind: "result", status, ok: false, code: body.error };
    } catch {
      // not JSON: fall through
    }
  }
  const head = rows.get("0");
  if (!head) return { kind: "other", status, text };
  const ref = /"a":"\$@([0-9a-f]+)"/.exec(head)?.[1];
  const row = ref === undefined ? undefined : rows.get(ref);
  if (row === undefined) return { kind: "other", status, text };
  if (row.startsWith("E")) return { kind: "error", status, text: row };
  const value = JSON.parse(row) as { ok: boolean; data?: unknown; code?: string; fields?: Record<string, string> };
  return value.ok
    ? { kind: "result", status, ok: true, data: value.data }
    : { kind: "result", status, ok: false, code: String(value.code), fields: value.fields };
}

/** Calls a server action by `file#export` as Next's client does: POST with `Next-Action`. */
export async function callAction(
  request: APIRequestContext,
  action: string,
  args: unknown[],
  opts: { path?: string; headers?: Record<string, string> } = {},
): Promise<ActionReply> {
  const id = actionIds().get(action);
  if (!id) throw new Error(`no server action ${action} in the build`);
  const body = actionBody(args);
  const response = await request.post(opts.path ?? "/", {
    headers: { "Next-Action": id, Accept: "text/x-component", ...body.headers, ...opts.headers },
    ...(body.multipart ? { multipart: body.multipart } : { data: body.data }),
    maxRedirects: 0,
  });
  return parseActionReply(response.status(), await response.text());
}

/** A raw body to a server action (or to an id the build does not have), as a forged request would send it. */
export async function postActionBody(request: APIRequestContext, id: string, body: string | FormData) {
  const response = await request.post("/", {
    headers: { "Next-Action": id, Accept: "text/x-component", ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}) },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  return parseActionReply(response.status(), await response.text());
}

/** An action's data, failing the test when it was refused. */
export async function must<T>(reply: Promise<ActionReply>): Promise<T> {
  const r = await reply;
  if (r.kind !== "result" || !r.ok) throw new Error(`action refused: ${JSON.stringify(r).slice(0, 300)}`);
  return r.data as T;
}

// ---- Personas ---------------------------------------------------------------------------------

export interface Persona {
  request: APIRequestContext;
  email: string;
  password: string;
  id: string;
  /** Set-Cookie of the sign-in answer, for the cookie-attribute check. */
  sessionCookie: string;
}

/**
 * An HTTP client that opens a connection per request: a kept-alive socket the server closes
 * when idle (after 5 s) can be reset under the next request, which must not be sent twice.
 */
function httpClient(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { Connection: "close" } });
}

/** An account made through the sign-up action, leaving `request` signed out. */
export async function createAccount(request: APIRequestContext, account: { email: string; name: string; password: string; role?: "student" | "teacher" }) {
  await must(callAction(request, "lib/features/account/actions.ts#signUpAction", [new Form({ role: "student", ...account })]));
}

/** Signs up through the sign-up action and signs in through next-auth: once per persona. */
export async function persona(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: "student" | "teacher", prefix: string): Promise<Persona> {
  const request = await httpClient(playwright, baseURL);
  const email = freshEmail(prefix);
  const password = `${prefix}-pass-1`;
  await createAccount(request, { email, name: prefix, password, role });
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: `${baseURL}/`, json: "true" },
    maxRedirects: 0,
  });
  const sessionCookie = signIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("next-auth.session-token="));
  expect(sessionCookie, `session cookie for ${email}`).toBeTruthy();
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id: string } };
  expect(session.user?.id).toBeTruthy();
  return { request, email, password, id: session.user?.id ?? "", sessionCookie: sessionCookie?.value ?? "" };
}

/**
 * What a copy of a browser's session cookie gets (someone who took it): a fresh context per call,
 * so a cookie the server cleared or renewed does not carry over to the next call.
 */
export async function withSessionCookie(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, value: string) {
  const request = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [{ name: "next-auth.session-token", value, domain: new URL(baseURL).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] },
  });
  // /study first: the session endpoint may clear or renew the cookie in this context.
  const study = await request.get("/study", { maxRedirects: 0 });
  const session = await request.get("/api/auth/session");
  const result = {
    /** /api/auth/session's answer: {} once the session is over. */
    session: (await session.json()) as { user?: { name: string; email: string } },
    /** The session cookie's value in that answer's Set-Cookie: "" = cleared, undefined = none. */
    renewed: session.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("next-auth.session-token="))?.value.split(";")[0]?.split("=")[1],
    /** /study: "ok" signed in, else where it sends the visitor. */
    study: study.status() === 200 ? "ok" : (study.headers()["location"] ?? String(study.status())),
  };
  await request.dispose();
  return result;
}

export async function anonymous(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<APIRequestContext> {
  return httpClient(playwright, baseURL);
}

// ---- The database, read-only ------------------------------------------------------------------

interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  close(): void;
}

/** The e2e server's SQLite file (playwright.config.ts), opened read-only: the tests never write. */
export function openDb(): Database {
  // better-sqlite3 comes with Prisma's SQLite adapter; it ships no types, hence the small interface.
  const BetterSqlite = createRequire(path.join(root, "package.json"))("better-sqlite3") as new (file: string, opts: object) => Database;
  return new BetterSqlite(path.join(root, "data/e2e.db"), { readonly: true, fileMustExist: true });
}

/**
 * Every row that belongs to these users or their classes (not rate-limit counters), as one string:
 * equal before and after a batch of refused requests means nothing was written for them.
 */
export function snapshot(db: Database, userIds: string[]): string {
  const u = userIds.map(() => "?").join(",");
  const classes = `SELECT id FROM "Class" WHERE teacherId IN (${u}) UNION SELECT classId FROM "ClassMember" WHERE userId IN (${u})`;
  const assignments = `SELECT id FROM "Assignment" WHERE classId IN (${classes})`;
  const attempts = `SELECT id FROM "Attempt" WHERE userId IN (${u}) OR assignmentId IN (${assignments})`;
  const queries: [string, unknown[]][] = [
    [`SELECT * FROM "User" WHERE id IN (${u}) ORDER BY id`, userIds],
    [`SELECT * FROM "LearnerSettings" WHERE userId IN (${u}) ORDER BY userId`, userIds],
    [`SELECT * FROM "Card" WHERE userId IN (${u}) ORDER BY id`, userIds],
    [`SELECT * FROM "ReviewLog" WHERE userId IN (${u}) ORDER BY id`, userIds],
    [`SELECT * FROM "Class" WHERE id IN (${classes}) ORDER BY id`, [...userIds, ...userIds]],
    [`SELECT * FROM "ClassMember" WHERE classId IN (${classes}) ORDER BY classId, userId`, [...userIds, ...userIds]],
    [`SELECT * FROM "Assignment" WHERE id IN (${assignments}) ORDER BY id`, [...userIds, ...userIds]],
    [`SELECT * FROM "AssignmentExtension" WHERE assignmentId IN (${assignments}) ORDER BY assignmentId, userId`, [...userIds, ...userIds]],
    [`SELECT * FROM "AssignmentAccept" WHERE assignmentId IN (${assignments}) ORDER BY assignmentId, questionId, answer`, [...userIds, ...userIds]],
    [`SELECT * FROM "Attempt" WHERE id IN (${attempts}) ORDER BY id`, [...userIds, ...userIds, ...userIds]],
    [`SELECT * FROM "AttemptAnswer" WHERE attemptId IN (${attempts}) ORDER BY attemptId, questionId`, [...userIds, ...userIds, ...userIds]],
  ];
  return JSON.stringify(queries.map(([sql, params]) => db.prepare(sql).all(...params)));
}

/** Users whose email contains `marker` (sign-ups a test must not have made). */
export function usersLike(db: Database, marker: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "User" WHERE lower(email) LIKE ?`).get(`%${marker.toLowerCase()}%`) as { n: number }).n;
}

// ---- Fixtures ---------------------------------------------------------------------------------

export interface Fixtures {
  teacher: Persona;
  student: Persona;
  otherTeacher: Persona;
  otherStudent: Persona;
  classId: string;
  joinCode: string;
  /** A class of the other teacher, for join checks that must not touch `classId`'s roster. */
  spareCode: string;
  assignmentId: string;
  /** A draft of the teacher's, for the delete check. */
  draftId: string;
  attemptId: string;
  questionId: string;
  /** A question of the assignment, for saving answers. */
  assignmentQuestionId: string;
  /** The student's first review (client id) and card. */
  reviewClientId: string;
  cardId: string;
}

const A = "lib/features/assignments/actions.ts";
const C = "lib/features/classes/actions.ts";

/** Wall-clock "YYYY-MM-DDTHH:mm" in Asia/Shanghai, `days` from now. */
function shanghai(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16);
}

export function draftInput(title: string) {
  return {
    title,
    opensAt: shanghai(-1),
    dueAt: shanghai(7),
    timeZone: "Asia/Shanghai",
    attemptsAllowed: "3",
    timeLimitMinutes: "",
    masteryGoal: "",
    feedback: "each",
    pack: "yrd",
    topics: [],
    forms: ["mc", "tf"],
    questionMode: "count",
    questionCount: "4",
  };
}

/**
 * A class with one student, a published assignment the student has started, a draft, another
 * teacher with a class of their own, another student in no class, and one review of the student.
 */
export async function makeFixtures(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, tag: string): Promise<Fixtures> {
  const [teacher, student, otherTeacher, otherStudent] = await Promise.all([
    persona(playwright, baseURL, "teacher", `${tag}-teacher`),
    persona(playwright, baseURL, "student", `${tag}-student`),
    persona(playwright, baseURL, "teacher", `${tag}-other-teacher`),
    persona(playwright, baseURL, "student", `${tag}-other-student`),
  ]);
  const { classId } = await must<{ classId: string }>(callAction(teacher.request, `${C}#createClassAction`, [new Form({ name: `${tag} 班` })]));
  const { classId: spareId } = await must<{ classId: string }>(callAction(otherTeacher.request, `${C}#createClassAction`, [new Form({ name: `${tag} 别班` })]));
  const db = openDb();
  const codeOf = (id: string) => (db.prepare(`SELECT joinCode FROM "Class" WHERE id = ?`).get(id) as { joinCode: string }).joinCode;
  const joinCode = codeOf(classId);
  const spareCode = codeOf(spareId);
  await must(callAction(student.request, `${C}#joinClassAction`, [new Form({ code: joinCode })]));

  const { id: assignmentId } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, draftInput("已发布")]));
  await must(callAction(teacher.request, `${A}#publishAssignmentAction`, [{ assignmentId }]));
  const { id: draftId } = await must<{ id: string }>(callAction(teacher.request, `${A}#createAssignmentAction`, [classId, draftInput("草稿")]));
  const { attemptId } = await must<{ attemptId: string }>(callAction(student.request, `${A}#startAttemptAction`, [assignmentId]));
  const assignmentQuestionId = (JSON.parse((db.prepare(`SELECT questionIds FROM "Assignment" WHERE id = ?`).get(assignmentId) as { questionIds: string }).questionIds) as string[])[0] ?? "";

  const questions = await must<{ id: string }[]>(
    callAction(student.request, "lib/features/practice/actions.ts#startPracticeAction", [{ pack: "yrd", topics: [], forms: ["mc"], length: 5 }]),
  );
  const questionId = questions[0]?.id ?? "";
  const reviewClientId = `${tag}-first-review`;
  const review = await student.request.post("/api/reviews", { data: { clientId: reviewClientId, questionId, response: "x" } });
  expect(review.status()).toBe(200);
  const cardId = (db.prepare(`SELECT id FROM "Card" WHERE userId = ?`).get(student.id) as { id: string }).id;
  db.close();
  return { teacher, student, otherTeacher, otherStudent, classId, joinCode, spareCode, assignmentId, draftId, attemptId, questionId, assignmentQuestionId, reviewClientId, cardId };
}
