import "server-only";
import { RATIO_UNIT } from "@/lib/core/content/schema";
import type { Question } from "@/lib/core/generate";
import { topicOf } from "@/lib/features/decks/data";
import type { PublicQuestion, StartPracticeInput } from "./schema";

export function toPublicQuestion(q: Question): PublicQuestion {
  const out: PublicQuestion = { id: q.id, form: q.form, prompt: q.prompt };
  if (q.choices) out.choices = q.choices;
  if (q.pairs) out.left = q.pairs.map((p) => p.left);
  if (q.unit && q.unit !== RATIO_UNIT) out.unit = q.unit;
  return out;
}

/**
 * The correct answer in the question's own terms, for feedback per option and per row: the
 * right option (mc, tf), the right set (multi), the right order (order), the `left => right`
 * pairs (match), the answer (typed, numeric). Every grader's result takes it from here.
 */
export function answerKey(q: Question): string | string[] {
  return typeof q.answer === "string" ? q.answer : [...q.answer];
}

/** The correct answer as one line of text. */
export function answerText(q: Question): string {
  if (typeof q.answer === "string") return q.answer;
  return q.answer.join(q.form === "order" ? " → " : q.form === "match" ? "；" : "、");
}

/**
 * A practice set: questions of the chosen pack, topics and forms, at most one per fact so a
 * set does not ask the same fact twice. `random` in [0, 1) is passed in for tests.
 */
export function pickPracticeQuestions(
  questions: readonly Question[],
  input: StartPracticeInput,
  random: () => number,
): Question[] {
  const topics = new Set(input.topics);
  const forms = new Set(input.forms);
  const pool = questions.filter(
    (q) => q.pack === input.pack && forms.has(q.form) && (topics.size === 0 || topics.has(topicOf(q.section))),
  );
  // Fisher–Yates over the pool, then the first question of each fact until the length is met.
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const seen = new Set<string>();
  const picked: Question[] = [];
  for (const q of shuffled) {
    if (picked.length >= input.length) break;
    if (seen.has(q.factId)) continue;
    seen.add(q.factId);
    picked.push(q);
  }
  return picked;
}
