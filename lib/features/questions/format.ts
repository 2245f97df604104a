import { FALSE, TRUE, type QuestionForm } from "@/lib/core/generate/types";
import type { Translate } from "@/lib/i18n";

// The bank keeps a true/false answer as 正确/错误 (lib/core/generate TRUE/FALSE): the grader, the
// stored responses and the reports compare those words, so they are translated only where shown.

/**
 * An answer, response or option as the reader sees it: a true/false one in the UI language
 * (正确 → "True"), anything else as it is. Every display of one goes through here.
 */
export function answerLabel(t: Translate, form: QuestionForm, text: string): string {
  if (form !== "tf") return text;
  if (text === TRUE) return t("practice.trueLabel");
  if (text === FALSE) return t("practice.falseLabel");
  return text;
}
