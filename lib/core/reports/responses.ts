import { FALSE, TRUE, type QuestionForm } from "@/lib/core/generate/types";
import { normalizeAnswer, parseNumericAnswer, readTrueFalse, type Response } from "@/lib/core/grade";

/** Blank text or an empty list: the student left the question. */
export function isBlank(response: Response | null): boolean {
  if (response === null) return true;
  return typeof response === "string" ? response.trim() === "" : response.every((v) => v.trim() === "");
}

/** A response as one line, joined the way the correct answer is shown (practice/data answerText). */
export function responseText(form: QuestionForm, response: Response): string {
  if (typeof response === "string") return response;
  return response.join(form === "order" ? " → " : form === "match" ? "；" : "、");
}

/** The options of a question whose answer is one pick: mc choices, or true/false. */
export function optionsOf(question: { form: QuestionForm; choices?: readonly string[] }): readonly string[] | null {
  if (question.form === "mc") return question.choices ?? null;
  if (question.form === "tf") return [TRUE, FALSE];
  return null;
}

/** Whether a response picks an option, read the way the grader reads it (lib/core/grade). */
export function picksOption(form: "mc" | "tf", response: string, option: string): boolean {
  if (form === "tf") {
    const read = readTrueFalse(response);
    return read !== undefined && read === readTrueFalse(option);
  }
  return normalizeAnswer(response) === normalizeAnswer(option);
}

/**
 * What a typed or numeric response is counted under in the report's analysis: two responses the
 * grader takes as the same answer share a key. Numeric: the number as the grader reads it in the
 * question's unit (29, 29万亿元 and 二十九 alike); a numeric response that is no number, and a
 * typed one, by normalizeAnswer (which drops every "#", so the two kinds of key never meet).
 */
export function responseKey(question: { form: QuestionForm; unit?: string }, response: string): string {
  if (question.form === "numeric") {
    const value = parseNumericAnswer(response, question.unit);
    // 12 significant digits: 1/4 and 25% must meet even if their floats differ in the last bit.
    if (value !== null) return `#${Number(value.toPrecision(12))}`;
  }
  return normalizeAnswer(response);
}
