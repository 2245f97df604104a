import { FALSE, TRUE, type QuestionForm } from "@/lib/core/generate/types";
import { normalizeAnswer, readTrueFalse, type Response } from "@/lib/core/grade";

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
