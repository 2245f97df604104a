import { Link } from "@/lib/ui/link";
import { assignmentState, studentStatuses, type AssignmentState } from "@/lib/core/assignments/status";
import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import type { AssignmentSummary } from "../data";
import { statusSymbol } from "./status-badge";

const stateTone: Record<AssignmentState, string> = {
  draft: "border-dashed border-line-strong",
  scheduled: "border-line-strong",
  open: "border-accent",
  closed: "border-line-strong",
};

/** A class's assignments for its teacher: state, due date and where the students stand. */
export async function ClassAssignments({ classId, assignments, now }: { classId: string; assignments: AssignmentSummary[]; now: Date }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  if (assignments.length === 0) return <p>{t("assignments.teacher.none")}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="assignment-list">
      {assignments.map(({ assignment: a, questionTotal, counts }) => {
        const state = assignmentState(a, now);
        return (
          <li key={a.id}>
            <Link
              href={`/classes/${classId}/assignments/${a.id}`}
              className="flex flex-col gap-2 rounded-lg border border-line p-3 hover:bg-surface focus-visible:outline-2 focus-visible:outline-focus"
            >
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{a.title}</span>
                <span className={`rounded-full border px-2 text-sm ${stateTone[state]}`}>{t(`assignments.state.${state}`)}</span>
              </span>
              <span className="text-sm text-muted">
                {t("assignments.teacher.dueLine", { due: formatInZone(a.dueAt, a.timeZone, locale, viewer) })} · {t("assignments.facts.questionCount", { n: questionTotal })}
              </span>
              {counts && (
                <span className="flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="status-counts">
                  {studentStatuses
                    .filter((s) => counts[s] > 0)
                    .map((s) => (
                      <span key={s}>
                        <span aria-hidden="true">{statusSymbol[s]} </span>
                        {t("assignments.teacher.count", { status: t(`assignments.status.${s}`), n: counts[s] })}
                      </span>
                    ))}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The assignments open now in the teacher's active classes, class by class, with where the
 * students stand: the teacher's "what needs me today" on the home page.
 */
export async function TeacherOpenAssignments({ groups, now }: { groups: { classId: string; className: string; assignments: AssignmentSummary[] }[]; now: Date }) {
  const { t } = await getT();
  const open = groups
    .map((g) => ({ ...g, assignments: g.assignments.filter((a) => assignmentState(a.assignment, now) === "open") }))
    .filter((g) => g.assignments.length > 0);
  return (
    <section aria-labelledby="open-assignments" className="flex flex-col gap-3" data-testid="open-assignments">
      <h2 id="open-assignments" className="text-lg font-semibold">{t("home.openAssignments")}</h2>
      {open.length === 0 && <p className="text-fg-soft">{t("home.noOpenAssignments")}</p>}
      {open.map((g) => (
        <div key={g.classId} className="flex flex-col gap-2">
          <h3 className="font-medium text-fg-soft">{g.className}</h3>
          <ClassAssignments classId={g.classId} assignments={g.assignments} now={now} />
        </div>
      ))}
    </section>
  );
}
