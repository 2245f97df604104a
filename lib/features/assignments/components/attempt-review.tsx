"use client";
import { responseText } from "@/lib/core/reports/responses";
import { useI18n } from "@/lib/i18n/client";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { answerLabel } from "@/lib/features/questions/format";
import type { ReviewedAnswer } from "../schema";

/** A handed-in attempt question by question: what the student answered, and the right answer. */
export function AttemptReview({ answers }: { answers: ReviewedAnswer[] }) {
  const { t } = useI18n();
  return (
    <ol className="flex flex-col gap-4">
      {answers.map(({ question, response, result }, i) => {
        const text = response === null ? "" : responseText(question.form, response);
        return (
          <li key={question.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
            <p className="text-sm text-muted">
              {t("assignments.take.progress", { n: i + 1, total: answers.length })} · {t(`forms.${question.form}`)}
            </p>
            <p className="font-medium">{question.prompt}</p>
            {(text === "" || question.form === "typed" || question.form === "numeric") && (
              <p>
                {t("assignments.review.yourAnswer")}
                {text === "" ? t("assignments.review.noAnswer") : answerLabel(t, question.form, text)}
              </p>
            )}
            <Feedback question={question} response={response} result={result} />
          </li>
        );
      })}
    </ol>
  );
}
