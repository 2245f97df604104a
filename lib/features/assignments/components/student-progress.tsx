import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone, utcToLocal } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import type { AssignmentResults } from "../data";
import { ExtensionForm } from "./extension-form";
import { StatusBadge } from "./status-badge";

/** Each student's status and best score, with their extension behind a disclosure. */
export async function StudentProgress({ results }: { results: AssignmentResults }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  const { assignment: a, students } = results;
  if (students.length === 0) return <p>{t("assignments.teacher.noStudents")}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="student-progress">
      {students.map((s) => {
        const handedIn = s.attempts.filter((x) => x.submittedAt !== null).length;
        return (
          <li key={s.userId} className="flex flex-col gap-2 rounded-lg border border-line p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.name}</span>
              <StatusBadge status={s.status} label={t(`assignments.status.${s.status}`)} />
            </div>
            <p className="text-sm text-muted">
              {t("assignments.teacher.attemptsLine", { used: handedIn, allowed: a.attemptsAllowed })}
              {s.best !== null && ` · ${t("assignments.student.best", { score: Math.round(s.best * 100) })}`}
            </p>
            {s.extension && (
              <p className="text-sm">
                {s.extension.extraMinutes > 0 && t("assignments.extension.extraLine", { n: s.extension.extraMinutes })}
                {s.extension.extraMinutes > 0 && s.extension.dueAt && " · "}
                {s.extension.dueAt && t("assignments.extension.dueLine", { due: formatInZone(s.extension.dueAt, a.timeZone, locale, viewer) })}
              </p>
            )}
            <details>
              <summary className="flex min-h-11 min-w-11 cursor-pointer items-center text-accent-fg">
                {t("assignments.extension.title", { name: s.name })}
              </summary>
              <div className="pt-2">
                <ExtensionForm
                  assignmentId={a.id}
                  userId={s.userId}
                  studentName={s.name}
                  extraMinutes={s.extension?.extraMinutes ?? 0}
                  dueAt={s.extension?.dueAt ? utcToLocal(s.extension.dueAt, a.timeZone) : ""}
                  timeZone={a.timeZone}
                />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
