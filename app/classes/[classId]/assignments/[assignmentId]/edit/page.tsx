import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/lib/features/assignments/components/assignment-form";
import { assignmentFormOptions, assignmentInClass } from "@/lib/features/assignments/data";
import { toFormValues } from "@/lib/features/assignments/schema";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

type Props = { params: Promise<{ classId: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.teacher.edit") };
}

export default async function EditAssignmentPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const page = `/classes/${classId}/assignments/${assignmentId}`;
  const user = await requireUser({ returnTo: `${page}/edit` });
  if (user.role !== "teacher") notFound();
  const { assignment: a } = await orNotFound(assignmentInClass(db(), user, classId, assignmentId));
  const { t } = await getT();
  return (
    <div className="flex flex-col gap-4">
      <Link href={page} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{a.title}</Link>
      <h1 className="text-2xl font-bold">{t("assignments.teacher.edit")}</h1>
      <AssignmentForm mode="edit" classId={classId} assignmentId={a.id} packs={assignmentFormOptions()} values={toFormValues(a)} published={a.publishedAt !== null} />
    </div>
  );
}
