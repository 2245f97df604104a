import { getT } from "@/lib/i18n/server";
import type { AssignmentReport } from "../data";
import { percent } from "../format";

const tile = "rounded-lg border border-line p-3";

export async function ReportSummary({ report }: { report: AssignmentReport }) {
  const { t } = await getT();
  const { summary, assignment } = report;
  const items = [
    { label: t("reports.summary.students"), value: String(summary.students) },
    { label: t("reports.summary.counted"), value: `${summary.counted} / ${summary.students}` },
    { label: t("reports.summary.meanScore"), value: percent(t, summary.meanScore) },
    ...(assignment.masteryGoal !== null && summary.masteryMetCount !== null
      ? [{ label: t("reports.summary.mastery", { goal: percent(t, assignment.masteryGoal) }), value: `${summary.masteryMetCount} / ${summary.students}` }]
      : []),
  ];
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-2">
      <h2 id="summary-title" className="sr-only">{t("reports.summary.title")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="report-summary">
        {items.map((i) => (
          <div key={i.label} className={tile}>
            <dt className="text-sm text-muted">{i.label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{i.value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-fg-soft">{t("reports.countedRule")}</p>
    </section>
  );
}
