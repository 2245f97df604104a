// A guest's practice answers, kept in the tab's sessionStorage until they sign up; then they
// are sent once to /api/reviews/import and become the new account's first reviews.
import type { Response as AnswerResponse } from "@/lib/core/grade";

const KEY = "delta-recall:guest-reviews";
/** The import accepts at most this many (lib/features/study/schema.ts importInput). */
const MAX = 200;

export interface GuestAnswer {
  clientId: string;
  questionId: string;
  response: AnswerResponse;
  reviewedAt: string;
}

function read(): GuestAnswer[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as GuestAnswer[]) : [];
  } catch {
    return [];
  }
}

export function rememberGuestAnswer(answer: GuestAnswer): void {
  const list = read();
  if (list.length >= MAX) return;
  sessionStorage.setItem(KEY, JSON.stringify([...list, answer]));
}

/**
 * "I was right" on a kept typed answer: it is kept as the expected answer instead, so the import
 * grades it right and it becomes a Good review, as study's override makes one.
 */
export function overruleGuestAnswer(questionId: string, expected: string): void {
  const list = read();
  const at = list.findLastIndex((a) => a.questionId === questionId);
  if (at < 0) return;
  list[at] = { ...list[at]!, response: expected };
  sessionStorage.setItem(KEY, JSON.stringify(list));
}

/** Sends the kept answers (after sign-up) and forgets them once the server took them. */
export async function importGuestAnswers(): Promise<void> {
  const reviews = read();
  if (reviews.length === 0) return;
  const response = await fetch("/api/reviews/import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ reviews }),
  });
  // 409: the account has studied already and will never take them.
  if (response.ok || response.status === 409) sessionStorage.removeItem(KEY);
}
