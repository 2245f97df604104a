"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { responseText } from "@/lib/core/reports/responses";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { answerLabel } from "@/lib/features/questions/format";
import { Button } from "@/lib/ui/button";
import { flagAnswerAction } from "../actions";
import type { ReviewedAnswer } from "../schema";

/** "I was right" on a typed answer graded wrong: asks the teacher to accept it (they decide). */
function FlagAnswer({ attemptId, item, flagged, accepted }: { attemptId: string; item: number; flagged: boolean; accepted: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  if (accepted) return <p data-testid="flag-state">{t("assignments.review.accepted")}</p>;
  if (flagged) return <p data-testid="flag-state">{t("assignments.review.flagged")}</p>;
  async function flag() {
    setPending(true);
    setError(undefined);
    try {
      const result = await flagAnswerAction({ attemptId, item });
      if (result.ok) router.refresh();
      else setError(translateDynamic(t, Object.values(result.fields ?? {})[0] ?? `errors.${result.code}`, "errors.INVALID_INPUT"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" variant="secondary" className="self-start" disabled={pending} onClick={flag}>
        {t("assignments.review.flag")}
      </Button>
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
    </div>
  );
}

/** A handed-in attempt question by question: what the student answered, and the right answer. */
export function AttemptReview({ answers, attemptId }: { answers: ReviewedAnswer[]; attemptId: string }) {
  const { t } = useI18n();
  return (
    <ol className="flex flex-col gap-4">
      {answers.map(({ question, response, result, flagged, accepted }, i) => {
        const text = response === null ? "" : responseText(question.form, response);
        return (
          <li key={question.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
            <p className="text-sm text-muted">
              {t("assignments.take.progress", { n: i + 1, total: answers.length })} · {t(`forms.${question.form}`)}
            </p>
            <p className="font-medium" data-testid="review-prompt">{question.prompt}</p>
            {(text === "" || question.form === "typed" || question.form === "numeric") && (
              <p>
                {t("assignments.review.yourAnswer")}
                {text === "" ? t("assignments.review.noAnswer") : answerLabel(t, question.form, text)}
              </p>
            )}
            <Feedback question={question} response={response} result={result} />
            {question.form === "typed" && text.trim() !== "" && (!result.correct || accepted) && (
              <FlagAnswer attemptId={attemptId} item={question.item} flagged={flagged} accepted={accepted} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
