/** Helpers for the study data-layer tests: users, questions of the real bank, replay checks. */
import { expect } from "vitest";
import type { Question } from "@/lib/core/generate";
import { FALSE, TRUE } from "@/lib/core/generate/types";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { replay, type CardState, type LearnerSettings } from "@/lib/core/schedule";
import type { UserId } from "@/lib/server/auth/session";
import { getBank } from "@/lib/server/content/bank";
import type { Db } from "@/lib/server/db/create";
import { cardState, getSettings } from "@/lib/features/study/data";
import { unique } from "./db";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const at = (iso: string) => new Date(iso);
export const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** A user inserted directly (no bcrypt: these tests never sign in). */
export async function makeUser(db: Db, name = "学习者"): Promise<UserId> {
  const user = await db.user.create({
    data: { email: `${unique("study")}@example.com`, name, role: "student", passwordHash: "not-a-hash" },
  });
  return user.id as UserId;
}

/** A client id in the format the API accepts ([A-Za-z0-9_:-]{8,80}). */
export function cid(prefix = "c"): string {
  return unique(prefix).replace(/[^A-Za-z0-9_:-]/g, "_");
}

export function bankQuestion(id: string): Question {
  const q = getBank().byId.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** Questions of the bank whose facts are all different, optionally of one form. */
export function questionsOfDistinctFacts(count: number, filter: (q: Question) => boolean = () => true, skip = 0): Question[] {
  const seen = new Set<string>();
  const out: Question[] = [];
  let skipped = 0;
  for (const q of getBank().questions) {
    const fact = `${q.pack}/${q.factId}`;
    if (seen.has(fact) || !filter(q)) continue;
    seen.add(fact);
    if (skipped < skip) {
      skipped++;
      continue;
    }
    out.push(q);
    if (out.length === count) return out;
  }
  throw new Error(`the bank has fewer than ${count + skip} facts with such questions`);
}

export function rightAnswer(q: Question): AnswerResponse {
  return q.answer;
}

/** An answer the grader marks wrong (and not partly right) for every form. */
export function wrongAnswer(q: Question): AnswerResponse {
  switch (q.form) {
    case "tf":
      return q.answer === TRUE ? FALSE : TRUE;
    case "multi":
    case "order":
    case "match":
      return [];
    default:
      return "完全不对的答案";
  }
}

export async function cardOf(db: Db, userId: UserId, q: Pick<Question, "pack" | "factId" | "facet">) {
  return db.card.findUniqueOrThrow({ where: { userId_pack_factId_facet: { userId, pack: q.pack, factId: q.factId, facet: q.facet } } });
}

export async function logOf(db: Db, cardId: string) {
  return db.reviewLog.findMany({ where: { cardId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The card's FSRS state rebuilt from its log (the source of truth). */
export async function replayed(db: Db, cardId: string, settings?: LearnerSettings): Promise<CardState> {
  const card = await db.card.findUniqueOrThrow({ where: { id: cardId } });
  const s = settings ?? (await getSettings(db, card.userId as UserId));
  return replay(await logOf(db, cardId), s, card.id, card.createdAt);
}

/** The stored card equals the replay of its log, field by field. */
export async function expectMatchesReplay(db: Db, cardId: string, settings?: LearnerSettings): Promise<CardState> {
  const card = await db.card.findUniqueOrThrow({ where: { id: cardId } });
  const stored = cardState(card);
  expect(stored).toStrictEqual(await replayed(db, cardId, settings));
  return stored;
}

/** Settings input for saveSettings (every field, as the form sends them). */
export function settingsInput(overrides: Partial<LearnerSettings> = {}) {
  return {
    desiredRetention: 0.9,
    newPerDay: 20,
    reviewsPerDay: 200,
    timeZone: "Asia/Shanghai",
    dayStartHour: 4,
    examDate: null,
    ...overrides,
  };
}

/** A small deterministic PRNG (mulberry32) for the scripted run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
  };
}
