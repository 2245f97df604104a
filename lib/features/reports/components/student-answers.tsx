import { Link } from "@/lib/ui/link";
import { AcceptAnswer } from "@/lib/features/assignments/components/accept-answer";
import { answerLabel } from "@/lib/features/questions/format";
import { getT } from "@/lib/i18n/server";
import type { AnswerOutcome, StudentAnswers } from "../data";
import { percent } from "../format";
import { OutcomeMark } from "./marks";

/** The student's attempts (links) and, question by question, their answer in the one shown. */
export async function StudentAnswersView({ view, basePath }: { view: StudentAnswers; basePath: string }) {
  const { t } = await getT();
  const count = (outcome: AnswerOutcome) => view.answers.filter((a) => a.outcome === outcome).length;
  return (
    <div className="flex flex-col gap-6">
      {view.attempts.length === 0 ? (
        <p>{t("reports.student.none")}</p>
      ) : (
        <nav aria-label={t("reports.student.attempts")} className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t("reports.student.attempts")}</h2>
          <ul className="flex flex-wrap gap-2">
            {view.attempts.map((a) => {
              const current = a.number === view.shown;
              const label = a.score === null ? t("reports.student.attemptOpen", { n: a.number }) : t("reports.student.attemptScore", { n: a.number, score: percent(t, a.score) });
              return (
                <li key={a.number}>
                  <Link
                    href={`${basePath}?attempt=${a.number}`}
                    aria-current={current ? "page" : undefined}
                    className={`inline-flex min-h-11 min-w-11 items-center gap-1 rounded-lg border px-3 focus-visible:outline-2 focus-visible:outline-focus ${current ? "border-accent bg-accent-soft font-semibold" : "border-line-strong"}`}
                  >
                    {label}
                    {a.counted && <span className="text-xs">· {t("reports.student.counted")}</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {view.shown !== null && (
        <section aria-labelledby="answers-title" className="flex flex-col gap-3">
          <h2 id="answers-title" className="text-lg font-semibold">{t("reports.student.showing", { n: view.shown })}</h2>
          <p className="text-fg-soft">
            {t("reports.student.summary", { correct: count("correct"), partial: count("partial"), wrong: count("wrong"), none: count("none") })}
          </p>
          <ol className="flex flex-col gap-3" data-testid="student-answers">
            {view.answers.map((a) => (
              <li key={a.questionId} className="flex flex-col gap-1 rounded-lg border border-line p-3">
                <p className="text-sm text-muted">
                  {t("reports.questions.number")} {a.number} · {t(`forms.${a.form}`)}
                </p>
                <p className="font-medium">{a.prompt}</p>
                <p>
                  <OutcomeMark outcome={a.outcome} />
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{t("reports.student.response")}</dt>
                  <dd className="break-words">{a.response === null ? t("reports.student.noResponse") : answerLabel(t, a.form, a.response)}</dd>
                  <dt className="text-muted">{t("reports.student.expected")}</dt>
                  <dd className="break-words">{answerLabel(t, a.form, a.expected)}</dd>
                </dl>
                {a.flagged && !a.accepted && <p className="text-sm font-medium" data-testid="flagged"><span aria-hidden="true">⚑ </span>{t("reports.accept.flagged")}</p>}
                {a.accepted && <p className="text-sm text-fg-soft">{t("reports.accept.accepted")}</p>}
                {a.response !== null && a.outcome !== "correct" && (
                  <AcceptAnswer attemptId={a.attemptId} questionId={a.questionId} forEveryone={a.form === "typed"} />
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
