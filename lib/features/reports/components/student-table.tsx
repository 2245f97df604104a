import { Link } from "@/lib/ui/link";
import { utcToLocal } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import type { AssignmentReport } from "../data";
import { duration, percent } from "../format";
import { MasteryMark } from "./marks";
import { ScrollTable, td, th } from "./table";

/** Each student's counted score, status, time, attempts and mastery goal, with a link to their answers. */
export async function StudentTable({ report, basePath }: { report: AssignmentReport; basePath: string }) {
  const { t } = await getT();
  const { assignment, students } = report;
  const hasGoal = assignment.masteryGoal !== null;
  return (
    <section aria-labelledby="students-title" className="flex flex-col gap-2">
      <h2 id="students-title" className="text-lg font-semibold">{t("reports.students.title")}</h2>
      {students.length === 0 ? (
        <p className="text-fg-soft">{t("reports.students.empty")}</p>
      ) : (
        <ScrollTable label={t("reports.students.title")}>
          <thead>
            <tr>
              <th scope="col" className={th}>{t("reports.students.name")}</th>
              <th scope="col" className={th}>{t("reports.students.status")}</th>
              <th scope="col" className={th}>{t("reports.students.score")}</th>
              {hasGoal && <th scope="col" className={th}>{t("reports.students.mastery")}</th>}
              <th scope="col" className={th}>{t("reports.students.time")}</th>
              <th scope="col" className={th}>{t("reports.students.attempts")}</th>
              <th scope="col" className={th}>{t("reports.students.handedInAt")}</th>
            </tr>
          </thead>
          <tbody data-testid="report-students">
            {students.map((s) => (
              <tr key={s.userId}>
                <th scope="row" className={`${td} font-normal`}>
                  <Link
                    href={`${basePath}/students/${s.userId}`}
                    aria-label={t("reports.students.view", { name: s.name })}
                    className="inline-flex min-h-11 min-w-11 items-center font-medium text-accent-fg underline underline-offset-2"
                  >
                    {s.name}
                  </Link>
                </th>
                <td className={td}>{t(`reports.status.${s.status}`)}</td>
                <td className={`${td} tabular-nums`}>{percent(t, s.score)}</td>
                {hasGoal && (
                  <td className={td}>
                    <MasteryMark mastery={s.mastery} />
                  </td>
                )}
                <td className={`${td} tabular-nums whitespace-nowrap`}>{duration(t, s.timeTakenMs)}</td>
                <td className={`${td} tabular-nums`}>{t("reports.students.attemptsOf", { used: s.attemptsUsed, allowed: assignment.attemptsAllowed })}</td>
                <td className={`${td} tabular-nums whitespace-nowrap`}>{s.handedInAt ? utcToLocal(s.handedInAt, assignment.timeZone).replace("T", " ") : t("reports.none")}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
