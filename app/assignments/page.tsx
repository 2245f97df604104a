import type { Metadata } from "next";
import { StudentAssignments } from "@/lib/features/assignments/components/student-assignments";
import { listStudentAssignments } from "@/lib/features/assignments/data";
import { getSettings } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.title") };
}

export default async function AssignmentsPage() {
  const user = await requireUser({ returnTo: "/assignments" });
  const { t } = await getT();
  const [assignments, settings] = await Promise.all([listStudentAssignments(db(), user.id, new Date()), getSettings(db(), user.id)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("assignments.title")}</h1>
      <StudentAssignments assignments={assignments} timeZone={settings.timeZone} />
    </div>
  );
}
