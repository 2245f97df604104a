import { expect, test, type APIRequestContext } from "@playwright/test";
import { BAD_STRINGS, hasBadChars } from "../test/fixtures/bad-strings";
import { actionIds, anonymous, callAction, draftInput, Form, makeFixtures, openDb, postActionBody, snapshot, usersLike, type ActionReply, type Fixtures } from "./api";

// Malformed input against every server action and route handler, generated from a table of
// endpoint x field x bad value (plus broken bodies for the JSON routes and bad path segments for
// pages). Each answer must be below 500 and either a refusal with a code the app defines
// (route: JSON {error: CODE}; action: {ok: false, code}) that wrote nothing — every row of the
// personas and their classes is compared before and after — or an acceptance of a value the
// field's rule says is valid (an emoji is a fine class name).

const CODES = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT", "RATE_LIMITED"];
const MISSING = Symbol("missing");
type Value = unknown;

const HUGE = "长".repeat(350_000); // over 1 MB in UTF-8: above every body limit
/** Bad values every field gets; ids, dates and numbers get more of their own below. */
const generic: Value[] = [
  MISSING,
  null,
  -1, // a negative limit or count; "-1" in a form
  1.5,
  true,
  [],
  { $gt: "" },
  "",
  "   ",
  HUGE,
  "😀".repeat(40) + "\u0000\u0001\u001f\u007f\u202e",
  "' OR 1=1 --; DROP TABLE \"User\"; --",
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  ...BAD_STRINGS,
];
const badIds = ["does-not-exist", "c".padEnd(25, "0"), "../../etc/passwd", "%00"];
const badDates = ["2026-13-01T10:00", "9999-12-31T23:59", "0000-00-00T00:00", "2026-02-30T10:00:00Z", "yesterday", "1e10"];

type Rule = (v: Value) => boolean;
const never: Rule = () => false;
/** Lengths in code points, as zod counts them: an emoji is one character. */
const text = (min: number, max: number): Rule => (v) => typeof v === "string" && !hasBadChars(v) && [...v.trim()].length >= min && [...v.trim()].length <= max;
/** A read-only filter: any text the string rule allows. */
const readable: Rule = (v) => typeof v !== "string" || !hasBadChars(v);
/** A typed answer: a string or a list of them, no control or bidi characters. */
const response: Rule = (v) => (typeof v === "string" && v.length <= 500 && !hasBadChars(v)) || (Array.isArray(v) && v.length <= 50 && v.every((s) => typeof s === "string" && !hasBadChars(s)));
const intText = (min: number, max: number): Rule => (v) => typeof v === "string" && /^\s*-?\d+\s*$/.test(v) && Number(v) >= min && Number(v) <= max;
const either = (...rules: Rule[]): Rule => (v) => rules.some((r) => r(v));
const missing: Rule = (v) => v === MISSING;

type Who = "anonymous" | "student" | "teacher";
interface Endpoint {
  name: string;
  who: Who;
  /** A valid input (or one refused for a reason other than the field under test). */
  base: (f: Fixtures) => Record<string, Value>;
  /** Field -> which values may be accepted; values beyond `generic` for that field. */
  fields: Record<string, { valid: Rule; extra?: (f: Fixtures) => Value[] }>;
  send: (request: APIRequestContext, input: Record<string, Value>) => Promise<Answer>;
  /** Form fields and query parameters: the rule judges the text actually sent. */
  stringly?: boolean;
}
interface Answer {
  status: number;
  ok: boolean;
  code?: string;
  detail: string;
}

const others = (f: Fixtures) => [...badIds, f.otherTeacher.id, f.otherStudent.id];
const otherClass = (f: Fixtures) => [...others(f), otherClassId];
const otherAssignment = (f: Fixtures) => [...others(f), otherAssignmentId];
let otherClassId = "";
let otherAssignmentId = "";
let unique = 0;
const fresh = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++unique}`;

function present(input: Record<string, Value>): Record<string, Value> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== MISSING));
}

/** Form fields are strings: other values arrive as their JSON text. */
function formOf(input: Record<string, Value>): Form {
  return new Form(Object.fromEntries(Object.entries(present(input)).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
}

function fromAction(reply: ActionReply): Answer {
  if (reply.kind === "result") return reply.ok ? { status: reply.status, ok: true, detail: "ok" } : { status: reply.status, ok: false, code: reply.code, detail: JSON.stringify(reply.fields ?? {}) };
  return { status: reply.status, ok: false, detail: `${reply.kind}: ${reply.text.slice(0, 200)}` };
}

async function fromResponse(response: { status(): number; text(): Promise<string> }): Promise<Answer> {
  const status = response.status();
  const body = await response.text();
  if (status < 300) return { status, ok: true, detail: body.slice(0, 100) };
  let code: string | undefined;
  try {
    code = (JSON.parse(body) as { error?: string }).error;
  } catch {
    code = undefined;
  }
  return { status, ok: false, code, detail: body.slice(0, 200) };
}

const act = (file: string, args: (input: Record<string, Value>) => unknown[]) => async (request: APIRequestContext, input: Record<string, Value>) =>
  fromAction(await callAction(request, `lib/features/${file}`, args(input)));
const form = (file: string) => act(file, (input) => [formOf(input)]);
const json = (file: string) => act(file, (input) => [present(input)]);
const post = (url: string) => async (request: APIRequestContext, input: Record<string, Value>) => fromResponse(await request.post(url, { data: present(input) }));
/** Query parameters; arrays repeat, other non-strings become their JSON text. */
function query(input: Record<string, Value>): string {
  const params = new URLSearchParams();
  // Capped: a URL over 16 KB is refused by Node (431) before the app sees it.
  for (const [k, v] of Object.entries(present(input))) for (const item of Array.isArray(v) ? v : [v]) params.append(k, (typeof item === "string" ? item : JSON.stringify(item)).slice(0, 500));
  return params.toString();
}
/** A path segment, capped: a 1 MB URL is refused by Node before the app sees it. */
const seg = (v: Value) => encodeURIComponent((typeof v === "string" ? v : JSON.stringify(v) ?? "").slice(0, 500));
/** A real wall-clock date-time "YYYY-MM-DDTHH:mm". */
const localDateTime: Rule = (v) => {
  const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v.trim()) : null;
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
};
const realDay: Rule = (v) => typeof v === "string" && localDateTime(`${v.trim()}T00:00`);

const assignmentFields = {
  title: { valid: text(1, 120) },
  opensAt: { valid: localDateTime, extra: () => badDates },
  dueAt: { valid: localDateTime, extra: () => badDates },
  timeZone: { valid: never, extra: () => ["Mars/Olympus", "UTC+25", "Etc/GMT+99"] },
  attemptsAllowed: { valid: intText(1, 10), extra: () => ["11", "0", "99999999999999999999"] },
  timeLimitMinutes: { valid: either(missing, intText(1, 600), (v) => v === null || (typeof v === "string" && v.trim() === "")), extra: () => ["601", "0"] },
  masteryGoal: { valid: either(missing, intText(1, 100), (v) => v === null || (typeof v === "string" && v.trim() === "")), extra: () => ["101"] },
  feedback: { valid: never },
  answerKey: { valid: missing, extra: () => ["always", "FINAL"] },
  pack: { valid: never, extra: () => ["nope", "../content"] },
  topics: { valid: (v: Value) => missing(v) || (Array.isArray(v) && v.length === 0), extra: () => [["不存在的主题"], Array.from({ length: 101 }, () => "x")] },
  forms: { valid: never, extra: () => [["essay"], ["mc", "mc", "mc", "mc", "mc", "mc", "mc", "mc"]] },
  questionMode: { valid: never },
  questionCount: { valid: intText(1, 200), extra: () => ["201", "0"] },
};

const endpoints: Endpoint[] = [
  // ---- Route handlers (the student) ----
  {
    name: "POST /api/reviews",
    who: "student",
    base: (f) => ({ clientId: fresh("bad-review"), questionId: f.questionId, response: "x" }),
    fields: {
      clientId: { valid: (v) => typeof v === "string" && /^[A-Za-z0-9_:-]{8,80}$/.test(v) },
      questionId: { valid: never, extra: () => ["0123456789abcdef", "ABCDEF0123"] },
      response: { valid: response },
      rating: { valid: missing, extra: () => [5, 3] },
      durationMs: { valid: (v) => missing(v) || v === 0, extra: () => [3_600_001, -100] },
      reviewedAt: { valid: missing, extra: () => badDates },
    },
    send: post("/api/reviews"),
  },
  {
    name: "POST /api/reviews/undo",
    who: "student",
    base: () => ({ clientId: "never-sent-0001" }),
    fields: { clientId: { valid: (v) => typeof v === "string" && /^[A-Za-z0-9_:-]{8,80}$/.test(v), extra: (f) => [`${f.reviewClientId}x`] } },
    send: post("/api/reviews/undo"),
  },
  {
    name: "POST /api/reviews/override",
    who: "student",
    base: () => ({ reviewClientId: "never-sent-0001" }),
    fields: { reviewClientId: { valid: never } },
    send: post("/api/reviews/override"),
  },
  {
    name: "POST /api/reviews/import",
    who: "student",
    base: (f) => ({ reviews: [{ clientId: fresh("bad-import"), questionId: f.questionId, response: "x", reviewedAt: new Date().toISOString() }] }),
    // Times far in the past or future are valid: the server clamps them (lib/features/study).
    fields: { reviews: { valid: (v) => Array.isArray(v) && (v.length === 0 || (v.length <= 200 && v.every((r: { reviewedAt?: string }) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.reviewedAt ?? "") && !/-02-3/.test(r.reviewedAt ?? "")))), extra: (f) => [Array.from({ length: 201 }, (_, i) => ({ clientId: `bulk-${i}-xxxxxx`, questionId: f.questionId, response: "x", reviewedAt: new Date().toISOString() })), [{ clientId: "ok-client-1", questionId: f.questionId, response: "x", reviewedAt: "2026-02-30T10:00:00Z" }], [{ clientId: "ok-client-2", questionId: f.questionId, response: "x", reviewedAt: "1970-01-01T00:00:00Z" }], [{ clientId: "ok-client-3", questionId: f.questionId, response: "x", reviewedAt: "2999-01-01T00:00:00Z" }]] } },
    send: post("/api/reviews/import"),
  },
  {
    name: "GET /api/study/queue",
    who: "student",
    base: () => ({ pack: "yrd" }),
    // A read: any value without control or bidi characters may be answered (an unknown pack is an
    // empty queue); nothing may be written.
    fields: { pack: { valid: readable }, topic: { valid: readable }, exclude: { valid: () => true, extra: () => [Array.from({ length: 201 }, (_, i) => `k${i}`)] } },
    send: async (request, input) => fromResponse(await request.get(`/api/study/queue?${query(input)}`)),
    stringly: true,
  },
  {
    name: "GET /api/study/offline",
    who: "student",
    base: () => ({ days: "3" }),
    // A read: a refused value must be a 4xx with a code, an accepted one (coerced to 1..7) a bundle; nothing written.
    fields: { days: { valid: () => true, extra: () => ["0", "8", "-1", "2.5", "1e9"] } },
    send: async (request, input) => fromResponse(await request.get(`/api/study/offline?${query(input)}`)),
    stringly: true,
  },
  {
    name: "GET report csv",
    who: "teacher",
    base: (f) => ({ classId: f.classId, assignmentId: f.assignmentId, kind: "students" }),
    fields: {
      classId: { valid: never, extra: otherClass },
      assignmentId: { valid: never, extra: otherAssignment },
      kind: { valid: never },
      // Read-only filters: any value may be answered (an unknown student is an empty file).
      student: { valid: readable, extra: (f) => [f.otherStudent.id] },
      attempt: { valid: () => true, extra: () => ["1001", "0", "2.5"] },
    },
    send: async (request, input) => {
      const { classId, assignmentId, ...rest } = input;
      return fromResponse(await request.get(`/classes/${seg(classId)}/assignments/${seg(assignmentId)}/report/csv?${query(rest)}`));
    },
    stringly: true,
  },
  {
    name: "GET recall csv",
    who: "teacher",
    base: (f) => ({ classId: f.classId }),
    fields: { classId: { valid: never, extra: otherClass } },
    send: async (request, input) => fromResponse(await request.get(`/classes/${seg(input.classId)}/recall/csv`)),
  },

  // ---- Server actions ----
  {
    name: "setLocaleAction",
    who: "anonymous",
    base: () => ({ locale: "zh-CN" }),
    fields: { locale: { valid: never, extra: () => ["fr", "ZH-CN", "en "] } },
    send: act("shell/actions.ts#setLocaleAction", (input) => (input.locale === MISSING ? [] : [input.locale])),
  },
  {
    name: "startPracticeAction",
    who: "anonymous",
    base: () => ({ pack: "yrd", topics: [], forms: ["mc"], length: 5 }),
    fields: {
      pack: { valid: never, extra: () => ["nope"] },
      topics: { valid: (v) => Array.isArray(v) && v.every((t) => typeof t === "string" && t.length >= 1 && t.length <= 200 && !hasBadChars(t)), extra: () => [Array.from({ length: 101 }, () => "x")] },
      forms: { valid: never, extra: () => [["essay"]] },
      length: { valid: never, extra: () => [7, 21, "5"] },
    },
    send: json("practice/actions.ts#startPracticeAction"),
  },
  {
    name: "checkAnswerAction",
    who: "anonymous",
    base: (f) => ({ questionId: f.questionId, response: "x" }),
    fields: {
      questionId: { valid: never, extra: () => ["0123456789abcdef"] },
      response: { valid: response },
    },
    send: json("practice/actions.ts#checkAnswerAction"),
  },
  {
    name: "signUpAction",
    who: "anonymous",
    // The role is never valid, so no value of another field can create an account.
    base: () => ({ email: `${fresh("badinput")}@example.com`, name: "坏输入", password: "bad-input-pass-1", role: "admin" }),
    fields: { email: { valid: never, extra: () => ["not-an-email", "a@b", `${"x".repeat(250)}@example.com`] }, name: { valid: never }, password: { valid: never }, role: { valid: never, extra: () => ["teacher ", "TEACHER"] } },
    send: form("account/actions.ts#signUpAction"), stringly: true,
  },
  {
    name: "changeNameAction",
    who: "student",
    base: () => ({ name: "学生" }),
    fields: { name: { valid: text(1, 50) } },
    send: form("account/actions.ts#changeNameAction"), stringly: true,
  },
  {
    name: "changePasswordAction",
    who: "student",
    // A wrong current password and a too short new one: nothing here may change the password
    // (and the slow password check runs only when the new one is valid).
    base: () => ({ currentPassword: "wrong-password-1", newPassword: "short" }),
    fields: { currentPassword: { valid: never }, newPassword: { valid: never } },
    send: form("account/actions.ts#changePasswordAction"), stringly: true,
  },
  {
    name: "deleteAccountAction",
    who: "student",
    // Never the right password: nothing here may delete the account.
    base: () => ({ password: "wrong-password-1" }),
    fields: { password: { valid: never } },
    send: form("account/actions.ts#deleteAccountAction"), stringly: true,
  },
  {
    name: "saveSettingsAction",
    who: "student",
    base: () => ({ desiredRetention: "0.9", newPerDay: "20", reviewsPerDay: "200", timeZone: "Asia/Shanghai", dayStartHour: "4", examDate: "" }),
    fields: {
      desiredRetention: { valid: never, extra: () => ["1.5", "0.1", "0.99999"] },
      newPerDay: { valid: intText(0, 9999), extra: () => ["10000"] },
      reviewsPerDay: { valid: intText(0, 99999), extra: () => ["100000"] },
      timeZone: { valid: never, extra: () => ["Mars/Olympus"] },
      dayStartHour: { valid: intText(0, 23), extra: () => ["24"] },
      examDate: { valid: (v) => missing(v) || (typeof v === "string" && v.trim() === "") || realDay(v), extra: () => ["2026-02-30", "1800-01-01", "2026-1-1"] },
    },
    send: form("study/actions.ts#saveSettingsAction"), stringly: true,
  },
  { name: "unsuspendCardAction", who: "student", base: (f) => ({ cardId: f.cardId }), fields: { cardId: { valid: never, extra: () => [...badIds, otherCardId()] } }, send: form("study/actions.ts#unsuspendCardAction"), stringly: true },
  { name: "resetCardAction", who: "student", base: () => ({ cardId: "does-not-exist" }), fields: { cardId: { valid: never, extra: () => [...badIds, otherCardId()] } }, send: form("study/actions.ts#resetCardAction"), stringly: true },
  { name: "createClassAction", who: "teacher", base: () => ({ name: "班" }), fields: { name: { valid: text(1, 60) } }, send: form("classes/actions.ts#createClassAction"), stringly: true },
  { name: "regenerateJoinCodeAction", who: "teacher", base: () => ({ classId: "does-not-exist" }), fields: { classId: { valid: never, extra: otherClass } }, send: form("classes/actions.ts#regenerateJoinCodeAction"), stringly: true },
  {
    name: "setClassArchivedAction",
    who: "teacher",
    base: () => ({ classId: otherClassId, archived: "true" }),
    fields: { classId: { valid: never, extra: otherClass }, archived: { valid: never, extra: () => ["TRUE", "1", "yes"] } },
    send: form("classes/actions.ts#setClassArchivedAction"), stringly: true,
  },
  {
    name: "removeStudentAction",
    who: "teacher",
    base: (f) => ({ classId: f.classId, userId: f.otherStudent.id }),
    fields: { classId: { valid: never, extra: otherClass }, userId: { valid: never, extra: (f) => [...badIds, f.teacher.id, f.otherTeacher.id] } },
    send: form("classes/actions.ts#removeStudentAction"), stringly: true,
  },
  {
    name: "joinClassAction",
    who: "student",
    base: () => ({ code: "ZZZZZZ" }),
    fields: { code: { valid: never, extra: () => ["abc", "2222222", "O0O0O0", "ＡＢＣＤＥＦ"] } },
    send: form("classes/actions.ts#joinClassAction"), stringly: true,
  },
  {
    name: "createAssignmentAction",
    who: "teacher",
    base: (f) => ({ classId: f.classId, ...draftInput("坏输入") }),
    fields: { classId: { valid: never, extra: otherClass }, ...assignmentFields },
    send: act("assignments/actions.ts#createAssignmentAction", ({ classId, ...raw }) => [classId === MISSING ? undefined : classId, present(raw)]),
  },
  {
    name: "updateAssignmentAction",
    who: "teacher",
    base: (f) => ({ assignmentId: f.draftId, ...draftInput("坏输入改") }),
    // The same schema as creating one (above): the id, and a field of each kind.
    fields: { assignmentId: { valid: never, extra: otherAssignment }, title: assignmentFields.title, dueAt: assignmentFields.dueAt, questionCount: assignmentFields.questionCount },
    send: act("assignments/actions.ts#updateAssignmentAction", ({ assignmentId, ...raw }) => [assignmentId === MISSING ? undefined : assignmentId, present(raw)]),
  },
  { name: "deleteAssignmentAction", who: "teacher", base: () => ({ assignmentId: "does-not-exist" }), fields: { assignmentId: { valid: never, extra: otherAssignment } }, send: act("assignments/actions.ts#deleteAssignmentAction", (i) => [i.assignmentId]) },
  {
    name: "publishAssignmentAction",
    who: "teacher",
    base: () => ({ assignmentId: otherAssignmentId }),
    fields: { assignmentId: { valid: never, extra: otherAssignment }, fingerprint: { valid: never, extra: () => ["0".repeat(64), "g".repeat(64)] } },
    send: json("assignments/actions.ts#publishAssignmentAction"),
  },
  {
    name: "setExtensionAction",
    who: "teacher",
    base: (f) => ({ assignmentId: f.assignmentId, userId: f.student.id, extraMinutes: 5, dueAt: "" }),
    fields: {
      assignmentId: { valid: never, extra: otherAssignment },
      userId: { valid: never, extra: (f) => [...badIds, f.otherStudent.id, f.teacher.id] },
      extraMinutes: { valid: (v) => missing(v) || v === null || v === 0 || intText(0, 600)(v) || (typeof v === "string" && v.trim() === ""), extra: () => [601, "601", 99999999] },
      dueAt: { valid: (v) => missing(v) || v === null || (typeof v === "string" && v.trim() === "") || localDateTime(v), extra: () => badDates },
    },
    send: json("assignments/actions.ts#setExtensionAction"),
  },
  { name: "startAttemptAction", who: "student", base: (f) => ({ assignmentId: f.draftId }), fields: { assignmentId: { valid: never, extra: (f) => [...otherAssignment(f), f.draftId] } }, send: act("assignments/actions.ts#startAttemptAction", (i) => [i.assignmentId]) },
  {
    name: "saveAnswerAction",
    who: "student",
    base: (f) => ({ attemptId: f.attemptId, item: 0, response: "x", durationMs: 1000 }),
    fields: {
      attemptId: { valid: never, extra: others },
      // Item numbers only: a bank id (the assignment's own too) is refused.
      item: { valid: never, extra: (f) => [99, 10_000, "0", f.questionId, f.assignmentQuestionId] },
      response: { valid: response },
      durationMs: { valid: (v) => missing(v) || v === 0 || v === -0, extra: () => [3_600_001] },
    },
    send: json("assignments/actions.ts#saveAnswerAction"),
  },
  {
    name: "changeDraftQuestionAction",
    who: "teacher",
    base: (f) => ({ assignmentId: otherAssignmentId, questionId: f.questionId, change: "drop" }),
    fields: {
      assignmentId: { valid: never, extra: otherAssignment },
      questionId: { valid: never, extra: () => [...badIds, "0".repeat(65)] },
      change: { valid: never, extra: () => ["swap", "DROP"] },
    },
    send: json("assignments/actions.ts#changeDraftQuestionAction"),
  },
  {
    // The fixture's attempt is still open: even a well-formed flag is refused (CONFLICT).
    name: "flagAnswerAction",
    who: "student",
    base: (f) => ({ attemptId: f.attemptId, item: 0 }),
    fields: {
      attemptId: { valid: never, extra: others },
      item: { valid: never, extra: (f) => [99, 10_000, "0", f.questionId, f.assignmentQuestionId] },
    },
    send: json("assignments/actions.ts#flagAnswerAction"),
  },
  {
    // A question the attempt has no answer to: refused whatever the scope.
    name: "acceptAnswerAction",
    who: "teacher",
    base: (f) => ({ attemptId: f.attemptId, questionId: f.questionId, scope: "everyone" }),
    fields: {
      attemptId: { valid: never, extra: others },
      questionId: { valid: never, extra: () => [...badIds, "0".repeat(65)] },
      scope: { valid: never, extra: () => ["all", "STUDENT"] },
    },
    send: json("assignments/actions.ts#acceptAnswerAction"),
  },
  { name: "submitAttemptAction", who: "student", base: () => ({ attemptId: "does-not-exist" }), fields: { attemptId: { valid: never, extra: others } }, send: act("assignments/actions.ts#submitAttemptAction", (i) => [i.attemptId]) },
];

let otherCard = "";
const otherCardId = () => otherCard;

/** Bodies that are not JSON objects at all, for every JSON route. */
const brokenBodies: { label: string; body: string | Buffer; type?: string }[] = [
  { label: "empty", body: "" },
  { label: "truncated", body: '{"clientId":' },
  { label: "not json", body: "clientId=abc" },
  { label: "null", body: "null" },
  { label: "array", body: "[]" },
  { label: "string", body: '"x"' },
  { label: "number", body: "1e999" },
  { label: "nested deep", body: "[".repeat(5000) + "]".repeat(5000) },
  { label: "over 256 KB", body: JSON.stringify({ clientId: "x".repeat(300_000) }) },
  { label: "invalid utf-8", body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { label: "bom", body: "\ufeff{}" },
  { label: "form-encoded", body: "clientId=a&questionId=b", type: "application/x-www-form-urlencoded" },
];

interface Case {
  endpoint: Endpoint;
  field: string;
  value: Value;
}

function cases(f: Fixtures): Case[] {
  const out: Case[] = [];
  for (const endpoint of endpoints) {
    for (const [field, rule] of Object.entries(endpoint.fields)) {
      const seen = new Set<string>();
      for (const value of [...generic, ...(rule.extra?.(f) ?? [])]) {
        const key = value === MISSING ? "<missing>" : JSON.stringify(value);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ endpoint, field, value });
      }
    }
  }
  return out;
}

const show = (v: Value) => (v === MISSING ? "<missing>" : (JSON.stringify(v) ?? String(v)).slice(0, 60));

test.describe.configure({ mode: "serial" });
let f: Fixtures;
let anon: APIRequestContext;

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  f = await makeFixtures(playwright, baseURL, "bad");
  anon = await anonymous(playwright, baseURL);
  // Something of the others' to point at: the other teacher's class and draft, the other student's card.
  const { classId } = (await callAction(f.otherTeacher.request, "lib/features/classes/actions.ts#createClassAction", [new Form({ name: "别人的班" })]).then((r) => (r.kind === "result" && r.ok ? r.data : {}))) as { classId: string };
  otherClassId = classId;
  const draft = await callAction(f.otherTeacher.request, "lib/features/assignments/actions.ts#createAssignmentAction", [classId, draftInput("别人的作业")]);
  otherAssignmentId = draft.kind === "result" && draft.ok ? (draft.data as { id: string }).id : "";
  expect(otherAssignmentId).not.toBe("");
  expect((await f.otherStudent.request.post("/api/reviews", { data: { clientId: fresh("other-card"), questionId: f.questionId, response: "x" } })).status()).toBe(200);
  const db = openDb();
  otherCard = (db.prepare(`SELECT id FROM "Card" WHERE userId = ?`).get(f.otherStudent.id) as { id: string }).id;
  db.close();
});

test("malformed values for every field of every action and route: refused cleanly, nothing written", async () => {
  test.setTimeout(300_000);
  const db = openDb();
  const users = [f.teacher.id, f.student.id, f.otherTeacher.id, f.otherStudent.id];
  const all = cases(f);
  const problems: string[] = [];
  let before = snapshot(db, users);
  let accepted = 0;
  const sentOf = ({ endpoint, value }: Case) => (endpoint.stringly && value !== MISSING && typeof value !== "string" ? JSON.stringify(value) : value);
  const validOf = (c: Case) => endpoint(c).fields[c.field]?.valid(sentOf(c)) ?? false;
  const endpoint = (c: Case) => c.endpoint;
  const where = (c: Case) => `${c.endpoint.name} ${c.field}=${show(c.value)}`;
  const send = (c: Case) => c.endpoint.send(c.endpoint.who === "anonymous" ? anon : f[c.endpoint.who].request, { ...c.endpoint.base(f), [c.field]: c.value });
  /** Checks one answer; true when it was a refusal (so it must not have written). */
  const judge = (c: Case, answer: Answer): boolean => {
    if (answer.status >= 500) problems.push(`${where(c)}: ${answer.status} ${answer.detail}`);
    else if (answer.ok) {
      accepted++;
      if (!validOf(c)) problems.push(`${where(c)}: accepted (${answer.detail})`);
      return false;
    } else {
      // A path segment left empty matches no route: Next's 404 page.
      const noRoute = answer.status === 404 && answer.detail.startsWith("<!DOCTYPE html>") && (c.value === "" || c.value === MISSING);
      if (!(answer.code !== undefined && CODES.includes(answer.code)) && !noRoute) problems.push(`${where(c)}: unclear refusal ${answer.status} ${answer.detail}`);
    }
    return true;
  };
  // Values the field's rule calls valid may be stored: sent one at a time. The rest must all be
  // refused, so they go in concurrent batches with one look at the database per batch; a batch
  // that changed anything is sent again one by one to name the request that wrote.
  const BATCH = 6;
  let batch: Case[] = [];
  const flush = async () => {
    const answers = await Promise.all(batch.map(send));
    const refused = batch.filter((c, i) => judge(c, answers[i] as Answer));
    let after = snapshot(db, users);
    if (after !== before) {
      const found = problems.length;
      before = after;
      for (const c of refused) {
        await send(c);
        after = snapshot(db, users);
        if (after !== before) problems.push(`${where(c)}: refused but wrote`);
        before = after;
      }
      // Nothing wrote the second time: a write that happens once (not a repeat) hid in the batch.
      if (problems.length === found && refused.length === batch.length) problems.push(`refused batch wrote: ${batch.map(where).join("; ")}`);
    }
    before = after;
    batch = [];
  };
  for (const c of all) {
    if (!validOf(c)) {
      batch.push(c);
      if (batch.length === BATCH) await flush();
      continue;
    }
    await flush();
    const refused = judge(c, await send(c));
    const after = snapshot(db, users);
    if (refused && after !== before) problems.push(`${where(c)}: refused but wrote`);
    before = after;
  }
  await flush();
  for (const url of ["/api/reviews", "/api/reviews/undo", "/api/reviews/override", "/api/reviews/import"]) {
    for (const broken of brokenBodies) {
      const answer = await fromResponse(await f.student.request.post(url, { data: broken.body, headers: { "Content-Type": broken.type ?? "application/json" } }));
      const where = `${url} body ${broken.label}`;
      if (answer.status >= 500) problems.push(`${where}: ${answer.status} ${answer.detail}`);
      if (answer.ok) problems.push(`${where}: accepted`);
      else if (!CODES.includes(answer.code ?? "")) problems.push(`${where}: unclear refusal ${answer.status} ${answer.detail}`);
      const after = snapshot(db, users);
      if (after !== before) problems.push(`${where}: refused but wrote`);
      before = after;
    }
  }
  // Server action bodies that are not what Next's client sends: broken JSON, a root that is not
  // the argument list, references to parts that are not there; and an id the build does not have.
  const brokenActionBodies = ["", "[", '{"a":', "not json", '"x"', "null", "{}", '["$Q9"]', '["$@5"]', '["$K1"]', '[{"a":"$W2"}]', '["$nxyz"]', "[".repeat(3000) + "]".repeat(3000)];
  let actionRequests = 0;
  for (const [key, id] of [...actionIds(), ["unknown", "00".repeat(21)] as const]) {
    for (const body of brokenActionBodies) {
      const reply = await postActionBody(f.teacher.request, id, body);
      actionRequests++;
      const where = `${key} body ${body.slice(0, 20)}`;
      // An id the build does not have: Next's own answer for that (404 or 409, "Server Action unavailable").
      const unknownId = key === "unknown" && reply.kind === "other" && (reply.status === 404 || reply.status === 409);
      if (reply.status >= 500) problems.push(`${where}: ${reply.status} ${JSON.stringify(reply).slice(0, 200)}`);
      else if (reply.kind === "result" && reply.ok) problems.push(`${where}: accepted`);
      else if (!(reply.kind === "result" && CODES.includes(reply.code)) && !unknownId) problems.push(`${where}: unclear refusal ${JSON.stringify(reply).slice(0, 200)}`);
      const after = snapshot(db, users);
      if (after !== before) problems.push(`${where}: refused but wrote`);
      before = after;
    }
  }
  // Pages with a bad id, pack or code in the path: a 4xx page (or the page saying so), never a 5xx.
  const pageValues = [...badIds, "😀", "<script>", "' OR 1=1 --", "a".repeat(2000), "%E0%A4%A", "..%2F..%2Fetc"];
  const pages: [string, (v: string) => string, number[]][] = [
    ["class", (v) => `/classes/${v}`, [400, 404]],
    ["class assignments", (v) => `/classes/${v}/assignments`, [400, 404]],
    ["assignment", (v) => `/assignments/${v}`, [400, 404]],
    ["teacher assignment", (v) => `/classes/${f.classId}/assignments/${v}`, [400, 404]],
    ["report", (v) => `/classes/${f.classId}/assignments/${f.assignmentId}/report/students/${v}`, [400, 404]],
    ["deck", (v) => `/decks/${v}`, [400, 404]],
    ["practice", (v) => `/practice/${v}`, [400, 404]],
    ["join", (v) => `/join/${v}`, [200, 400, 404]],
    ["study filter", (v) => `/study?pack=${v}&topic=${v}`, [200, 400, 404]],
  ];
  let pageRequests = 0;
  for (const [label, url, statuses] of pages) {
    for (const raw of pageValues) {
      const v = raw.startsWith("%") || raw.startsWith("..") ? raw : encodeURIComponent(raw);
      const response = await f.teacher.request.get(url(v), { maxRedirects: 0 });
      pageRequests++;
      if (!statuses.includes(response.status())) problems.push(`page ${label} ${show(raw)}: ${response.status()}`);
    }
  }
  // Return paths and next-auth's error codes in the query, and GETs of the POST-only sign-in
  // callback: a page (or a redirect to one), never a 5xx.
  const returnPaths = ["//evil.example/x", "/\\evil.example/x", "/\t/evil.example/x", "/%09/evil.example", "javascript:alert(1)", "https://evil.example/", "%E0%A4%A", ...pageValues.slice(-4)];
  const queryPages: [string, (v: string) => string, number[]][] = [
    ["sign-in", (v) => `/signin?callbackUrl=${v}&error=${v}`, [200]],
    ["sign-up", (v) => `/signup?callbackUrl=${v}`, [200]],
    ["credentials callback", (v) => `/api/auth/callback/credentials?callbackUrl=${v}&error=${v}`, [303]],
    ["auth callback", (v) => `/api/auth/callback/${v}`, [303, 400, 404]],
  ];
  for (const [label, url, statuses] of queryPages) {
    for (const raw of returnPaths) {
      const v = raw.startsWith("%") ? raw : encodeURIComponent(raw);
      const response = await anon.get(url(v), { maxRedirects: 0 });
      pageRequests++;
      if (!statuses.includes(response.status())) problems.push(`page ${label} ${show(raw)}: ${response.status()}`);
    }
  }
  expect(usersLike(db, "badinput"), "sign-ups made by malformed requests").toBe(0);
  db.close();
  const total = all.length + 4 * brokenBodies.length + actionRequests + pageRequests;
  console.log(
    `bad input: ${total} requests (${all.length} field values, ${4 * brokenBodies.length} broken route bodies, ${actionRequests} broken action bodies, ${pageRequests} pages), ${accepted} accepted as valid`,
  );
  expect(total).toBeGreaterThanOrEqual(500);
  expect(problems).toEqual([]);
});

test("a 40 KB deeply nested action body from a visitor is refused with 400, not a 500", async () => {
  const body = "[".repeat(20_000) + "]".repeat(20_000);
  for (const id of [actionIds().get("lib/features/shell/actions.ts#setLocaleAction")!, "00".repeat(21)]) {
    const response = await anon.post("/", { headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: "INVALID_INPUT" });
  }
});
