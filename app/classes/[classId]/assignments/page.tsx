import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { ClassAssignments } from "@/lib/features/assignments/components/class-assignments";
import { StudentAssignments } from "@/lib/features/assignments/components/student-assignments";
import { listClassAssignments, listStudentAssignments } from "@/lib/features/assignments/data";
import { classOfMember } from "@/lib/features/classes/access";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getSettings } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = { params: Promise<{ classId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.title") };
}

/** A class's assignments: the teacher's list with status counts, or a student's own in this class. */
export default async function ClassAssignmentsPage({ params }: Props) {
  const { classId } = await params;
  const user = await requireUser({ returnTo: `/classes/${classId}/assignments` });
  const { t } = await getT();
  const now = new Date();

  if (user.role !== "teacher") {
    const cls = await orNotFound(classOfMember(db(), user.id, classId));
    const [all, settings] = await Promise.all([listStudentAssignments(db(), user.id, now), getSettings(db(), user.id)]);
    return (
      <div className="flex flex-col gap-4">
        <Link href={`/classes/${classId}`} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{cls.name}</Link>
        <h1 className="text-2xl font-bold">{t("assignments.title")}</h1>
        <StudentAssignments assignments={all.filter((a) => a.classId === classId)} timeZone={settings.timeZone} />
      </div>
    );
  }

  const { className, studentCount, assignments } = await orNotFound(listClassAssignments(db(), user, classId, now));
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/classes/${classId}`} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{className}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("assignments.title")}</h1>
        <Link href={`/classes/${classId}/assignments/new`} className={buttonClass("primary")}>{t("assignments.teacher.new")}</Link>
      </div>
      <p className="text-sm text-muted">{t("assignments.teacher.studentCount", { n: studentCount })}</p>
      <ClassAssignments classId={classId} assignments={assignments} now={now} />
    </div>
  );
}
