import { Link } from "@/lib/ui/link";
import type { StudentStatus } from "@/lib/core/assignments/status";
import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import type { MessageKey } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import type { StudentAssignment } from "../data";
import { StatusBadge } from "./status-badge";

/** What a student still has to do (the home page lists these too). */
export const TO_DO: readonly StudentStatus[] = ["in_progress", "not_started", "missing"];

const groups: { title: MessageKey; statuses: readonly StudentStatus[] }[] = [
  { title: "assignments.student.toDo", statuses: TO_DO },
  { title: "assignments.student.upcoming", statuses: ["upcoming"] },
  { title: "assignments.student.done", statuses: ["submitted", "late"] },
];

/** A student's assignments, grouped: to do, not open yet, done. Times in the student's zone. */
export async function StudentAssignments({ assignments, timeZone }: { assignments: StudentAssignment[]; timeZone: string }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  if (assignments.length === 0) return <p>{t("assignments.student.none")}</p>;
  const when = (d: Date) => formatInZone(d, timeZone, locale, viewer);
  return (
    <div className="flex flex-col gap-6">
      {groups.map((group) => {
        const items = assignments.filter((a) => group.statuses.includes(a.status));
        if (items.length === 0) return null;
        return (
          <section key={group.title} className="flex flex-col gap-3" aria-labelledby={`group-${group.title}`}>
            <h2 id={`group-${group.title}`} className="text-lg font-semibold">{t(group.title)}</h2>
            <ul className="flex flex-col gap-3">
              {items.map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/assignments/${a.id}`}
                    className="flex flex-col gap-1 rounded-lg border border-line p-3 hover:bg-surface focus-visible:outline-2 focus-visible:outline-focus"
                    data-testid="student-assignment"
                  >
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold">{a.title}</span>
                      <StatusBadge status={a.status} label={t(`assignments.status.${a.status}`)} />
                    </span>
                    <span className="text-sm text-muted">{a.className}</span>
                    <span className="text-sm">
                      {a.status === "upcoming" ? t("assignments.student.opensLine", { at: when(a.opensAt) }) : t("assignments.teacher.dueLine", { due: when(a.dueAt) })}
                    </span>
                    <span className="text-sm text-muted">
                      {t("assignments.facts.questionCount", { n: a.questionTotal })}
                      {a.timeLimitMinutes !== null && ` · ${t("assignments.facts.minutes", { n: a.timeLimitMinutes })}`}
                      {a.best !== null && ` · ${t("assignments.student.best", { score: Math.round(a.best * 100) })}`}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
