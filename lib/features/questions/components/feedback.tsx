"use client";
import { useI18n } from "@/lib/i18n/client";
import type { CheckedAnswer } from "@/lib/features/practice/schema";

/** Right or wrong in words and a symbol, never by colour alone; the explanation and source follow. */
export function Feedback({ result }: { result: CheckedAnswer }) {
  const { t } = useI18n();
  const [label, symbol, tone] = result.correct
    ? [t("practice.correct"), "✓", "border-green-700 bg-green-50 dark:bg-green-950"]
    : result.partial
      ? [t("practice.partial"), "◐", "border-amber-600 bg-amber-50 dark:bg-amber-950"]
      : [t("practice.wrong"), "✗", "border-red-700 bg-red-50 dark:bg-red-950"];
  return (
    <div role="status" className={`flex flex-col gap-2 rounded-lg border-l-4 p-3 ${tone}`} data-testid="feedback">
      <p className="font-semibold">
        <span aria-hidden="true">{symbol} </span>
        {label}
      </p>
      {!result.correct && <p>{t("practice.expected", { answer: result.expected })}</p>}
      <p>
        <span className="font-medium">{t("practice.explanation")}：</span>
        {result.explanation}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("practice.source", { section: result.section })}</p>
    </div>
  );
}
