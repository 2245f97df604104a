"use client";
import type { QuestionForm } from "@/lib/core/generate/types";
import { useI18n } from "@/lib/i18n/client";
import type { CheckedAnswer } from "@/lib/features/practice/schema";
import { answerLabel } from "../format";

/**
 * Right or wrong in words and a symbol, never by colour alone; the expected answer, explanation
 * and source follow when `result` carries them (an assignment may withhold its key).
 * `form` is the question's, so a true/false answer is shown in the UI language.
 */
export function Feedback({ result, form }: { result: CheckedAnswer | Pick<CheckedAnswer, "correct" | "partial">; form: QuestionForm }) {
  const { t } = useI18n();
  const [label, symbol, tone] = result.correct
    ? [t("practice.correct"), "✓", "border-ok bg-ok-soft"]
    : result.partial
      ? [t("practice.partial"), "◐", "border-warn bg-warn-soft"]
      : [t("practice.wrong"), "✗", "border-bad bg-bad-soft"];
  return (
    <div role="status" className={`flex flex-col gap-2 rounded-lg border-l-4 p-3 ${tone}`} data-testid="feedback">
      <p className="font-semibold">
        <span aria-hidden="true">{symbol} </span>
        {label}
      </p>
      {"expected" in result && (
        <>
          {!result.correct && <p>{t("practice.expected", { answer: answerLabel(t, form, result.expected) })}</p>}
          <p>
            <span className="font-medium">{t("practice.explanation")}</span>
            {result.explanation}
          </p>
          <p className="text-sm text-muted">{t("practice.source", { section: result.section })}</p>
        </>
      )}
    </div>
  );
}
