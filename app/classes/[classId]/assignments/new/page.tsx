import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/lib/features/assignments/components/assignment-form";
import { assignmentFormOptions } from "@/lib/features/assignments/data";
import { classOfTeacher } from "@/lib/features/classes/access";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

type Props = { params: Promise<{ classId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.teacher.new") };
}

export default async function NewAssignmentPage({ params }: Props) {
  const { classId } = await params;
  const user = await requireUser({ returnTo: `/classes/${classId}/assignments/new` });
  if (user.role !== "teacher") notFound();
  const cls = await orNotFound(classOfTeacher(db(), user, classId));
  const { t } = await getT();
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/classes/${classId}/assignments`} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{cls.name}</Link>
      <h1 className="text-2xl font-bold">{t("assignments.teacher.new")}</h1>
      <p className="text-fg-soft">{t("assignments.teacher.newIntro")}</p>
      <AssignmentForm mode="create" classId={classId} packs={assignmentFormOptions()} now={new Date().toISOString()} />
    </div>
  );
}
