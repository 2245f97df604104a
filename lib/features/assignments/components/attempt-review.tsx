"use client";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { useI18n } from "@/lib/i18n/client";
import { Feedback } from "@/lib/features/questions/components/feedback";
import type { ReviewedAnswer } from "../schema";

function responseText(response: AnswerResponse): string {
  return typeof response === "string" ? response : response.join("；");
}

/** A handed-in attempt question by question: what the student answered, and the right answer. */
export function AttemptReview({ answers }: { answers: ReviewedAnswer[] }) {
  const { t } = useI18n();
  return (
    <ol className="flex flex-col gap-4">
      {answers.map(({ question, response, result }, i) => (
        <li key={question.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
          <p className="text-sm text-muted">
            {t("assignments.take.progress", { n: i + 1, total: answers.length })} · {t(`forms.${question.form}`)}
          </p>
          <p className="font-medium">{question.prompt}</p>
          <p>
            {t("assignments.review.yourAnswer")}
            {response === null || responseText(response) === "" ? t("assignments.review.noAnswer") : responseText(response)}
          </p>
          <Feedback result={result} />
        </li>
      ))}
    </ol>
  );
}
