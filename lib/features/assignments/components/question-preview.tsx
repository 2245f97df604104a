import type { ReactNode } from "react";
import type { Question } from "@/lib/core/generate";
import { answerText } from "@/lib/features/practice/data";
import { answerLabel } from "@/lib/features/questions/format";
import { getT } from "@/lib/i18n/server";

/** The questions with their answers, as the teacher checks them before publishing. */
export async function QuestionPreview({ questions, actions }: { questions: Question[]; actions?: (q: Question, n: number) => ReactNode }) {
  const { t } = await getT();
  return (
    <ol className="flex flex-col gap-4" data-testid="preview-questions">
      {questions.map((q, i) => {
        const correct = new Set(Array.isArray(q.answer) ? q.answer : [q.answer]);
        return (
          <li key={q.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
            <p className="text-sm text-muted">
              {t("assignments.take.progress", { n: i + 1, total: questions.length })} · {t(`forms.${q.form}`)} · {q.section}
            </p>
            <p className="font-medium">{q.prompt}</p>
            {q.pairs ? (
              <ul className="list-disc pl-5">
                {q.pairs.map((p) => (
                  <li key={p.left}>
                    {p.left} → {p.right}
                  </li>
                ))}
              </ul>
            ) : (
              q.choices &&
              q.form !== "order" && (
                <ul className="flex flex-col gap-1">
                  {q.choices.map((c) => (
                    <li key={c} className={correct.has(c) ? "font-semibold" : ""}>
                      <span aria-hidden="true">{correct.has(c) ? "✓ " : "· "}</span>
                      {c}
                      {correct.has(c) && <span className="sr-only"> ({t("assignments.preview.correctChoice")})</span>}
                    </li>
                  ))}
                </ul>
              )
            )}
            <p>
              <span className="font-medium">{t("assignments.preview.answer")}</span>
              {answerLabel(t, q.form, answerText(q))}
            </p>
            <p className="text-sm text-fg-soft">{q.explanation}</p>
            {actions?.(q, i + 1)}
          </li>
        );
      })}
    </ol>
  );
}
