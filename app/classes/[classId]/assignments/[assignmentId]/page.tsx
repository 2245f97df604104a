import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { redirect } from "next/navigation";
import { assignmentState } from "@/lib/core/assignments/status";
import { AssignmentFacts } from "@/lib/features/assignments/components/assignment-facts";
import { StudentProgress } from "@/lib/features/assignments/components/student-progress";
import { DeleteButton } from "@/lib/features/assignments/components/teacher-actions";
import { assignmentInClass, getAssignmentResults } from "@/lib/features/assignments/data";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = { params: Promise<{ classId: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.title") };
}

/** The teacher's page of an assignment: its rules, what can be done with it, and each student. */
export default async function AssignmentPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const base = `/classes/${classId}/assignments`;
  const user = await requireUser({ returnTo: `${base}/${assignmentId}` });
  // A student who follows a class link lands on their own page of the assignment.
  if (user.role !== "teacher") redirect(`/assignments/${assignmentId}`);
  await orNotFound(assignmentInClass(db(), user, classId, assignmentId));
  const now = new Date();
  const results = await getAssignmentResults(db(), user, assignmentId, now);
  const { assignment: a, className, questions } = results;
  const { t } = await getT();
  const state = assignmentState(a, now);

  return (
    <div className="flex flex-col gap-6">
      <Link href={base} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{className}</Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="text-fg-soft" data-testid="assignment-state">{t(`assignments.state.${state}`)}</p>
      </div>
      <AssignmentFacts assignment={a} questionTotal={questions.length} timeZone={a.timeZone} />
      <nav aria-label={t("assignments.teacher.actions")} className="flex flex-wrap gap-2">
        {a.publishedAt ? (
          <Link href={`${base}/${a.id}/report`} className={buttonClass("primary")}>{t("assignments.teacher.report")}</Link>
        ) : (
          <Link href={`${base}/${a.id}/preview`} className={buttonClass("primary")}>{t("assignments.teacher.previewPublish")}</Link>
        )}
        {a.publishedAt && <Link href={`${base}/${a.id}/preview`} className={buttonClass("secondary")}>{t("assignments.teacher.questions")}</Link>}
        <Link href={`${base}/${a.id}/edit`} className={buttonClass("secondary")}>{t("assignments.teacher.edit")}</Link>
      </nav>
      {a.publishedAt ? (
        <section className="flex flex-col gap-3" aria-labelledby="students-heading">
          <h2 id="students-heading" className="text-lg font-semibold">{t("assignments.teacher.students")}</h2>
          <StudentProgress results={results} />
        </section>
      ) : (
        <p className="rounded-lg border border-dashed border-line-strong p-3">{t("assignments.teacher.draftNote")}</p>
      )}
      {/* Deleting would take the students' work with it (deleteAssignment refuses): say so where the button was. */}
      {!a.publishedAt || results.students.every((s) => s.attempts.length === 0) ? (
        <DeleteButton assignmentId={a.id} next={base} />
      ) : (
        <p className="text-sm text-muted" data-testid="delete-note">{t("assignments.errors.hasAttempts")}</p>
      )}
    </div>
  );
}
