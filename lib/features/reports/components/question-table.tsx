import { AcceptAnswer } from "@/lib/features/assignments/components/accept-answer";
import { answerLabel } from "@/lib/features/questions/format";
import { getT } from "@/lib/i18n/server";
import type { AssignmentReport } from "../data";
import { discrimination, optionCount, percent } from "../format";
import { ScrollTable, td, th } from "./table";

/**
 * Per question: facility, discrimination and what was answered: for mc and tf how often each
 * option was picked, for typed and numeric the most frequent responses.
 */
export async function QuestionTable({ report }: { report: AssignmentReport }) {
  const { t } = await getT();
  return (
    <section aria-labelledby="questions-title" className="flex flex-col gap-2">
      <h2 id="questions-title" className="text-lg font-semibold">{t("reports.questions.title")}</h2>
      <div className="flex flex-col gap-1 text-sm text-fg-soft">
        <p>{t("reports.questions.facilityHint")}</p>
        <p>{t("reports.questions.discriminationHint")}</p>
      </div>
      {report.questions.length === 0 ? (
        <p>{t("reports.questions.empty")}</p>
      ) : (
        <ScrollTable label={t("reports.questions.title")}>
          <thead>
            <tr>
              <th scope="col" className={th}>{t("reports.questions.number")}</th>
              <th scope="col" className={`${th} min-w-64`}>{t("reports.questions.prompt")}</th>
              <th scope="col" className={th}>{t("reports.questions.facility")}</th>
              <th scope="col" className={th}>{t("reports.questions.discrimination")}</th>
              <th scope="col" className={`${th} min-w-48`}>{t("reports.questions.options")}</th>
            </tr>
          </thead>
          <tbody data-testid="report-questions">
            {report.questions.map((q) => {
              const given = q.options ?? q.responses;
              return (
                <tr key={q.id}>
                  <th scope="row" className={`${td} tabular-nums`}>{q.number}</th>
                  <td className={td}>
                    <p className="text-xs text-muted">{t(`forms.${q.form}`)}</p>
                    <p>{q.prompt}</p>
                    <p className="text-fg-soft">{t("reports.questions.answerKey", { answer: answerLabel(t, q.form, q.answer) })}</p>
                    {q.flagged.length > 0 && (
                      <div className="mt-2 flex flex-col gap-2" data-testid="flagged-answers">
                        <p className="font-medium">{t("reports.accept.pending")}</p>
                        <ul className="flex flex-col gap-2">
                          {q.flagged.map((f) => (
                            <li key={f.attemptId} className="flex flex-col gap-1">
                              <span>{t("reports.accept.pendingLine", { name: f.name, response: f.response })}</span>
                              <AcceptAnswer attemptId={f.attemptId} questionId={q.id} forEveryone={q.form === "typed"} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </td>
                  <td className={`${td} tabular-nums whitespace-nowrap`}>
                    <p className="font-medium">{percent(t, q.facility)}</p>
                    <p className="text-xs text-muted">{t("reports.questions.answered", { correct: q.correct, n: q.n })}</p>
                  </td>
                  <td className={`${td} tabular-nums`}>
                    <p className="font-medium whitespace-nowrap">{discrimination(t, q.discrimination)}</p>
                    {q.discrimination !== null && q.discrimination < 0 && (
                      <p className="text-xs text-bad">
                        <span aria-hidden="true">⚠ </span>
                        {t("reports.questions.negative")}
                      </p>
                    )}
                  </td>
                  <td className={td}>
                    {given ? (
                      <ul className="flex flex-col gap-0.5" data-testid="answers-given">
                        {given.map((o) => (
                          <li key={o.option} className={o.correct ? "font-semibold" : undefined}>
                            {o.correct && <span aria-hidden="true">✓ </span>}
                            {optionCount(t, q.form, o)}
                          </li>
                        ))}
                        <li>{t("reports.questions.optionCount", { option: t("reports.questions.noAnswer"), count: q.noAnswer })}</li>
                        {q.other > 0 && <li>{t("reports.questions.optionCount", { option: t("reports.questions.other"), count: q.other })}</li>}
                      </ul>
                    ) : (
                      <p className="text-fg-soft">{t("reports.questions.optionCount", { option: t("reports.questions.noAnswer"), count: q.noAnswer })}</p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
