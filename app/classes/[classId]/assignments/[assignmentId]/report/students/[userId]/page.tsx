import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { orNotFound } from "@/lib/features/classes/not-found";
import { CsvLinks } from "@/lib/features/reports/components/csv-links";
import { StudentAnswersView } from "@/lib/features/reports/components/student-answers";
import { getStudentAnswers } from "@/lib/features/reports/data";
import { studentQuery } from "@/lib/features/reports/schema";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = {
  params: Promise<{ classId: string; assignmentId: string; userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reports.title") };
}

export default async function StudentReportPage({ params, searchParams }: Props) {
  const { classId, assignmentId, userId } = await params;
  const report = `/classes/${classId}/assignments/${assignmentId}/report`;
  const base = `${report}/students/${userId}`;
  const user = await requireUser({ returnTo: base });
  if (user.role !== "teacher") notFound();
  const query = studentQuery.safeParse(await searchParams);
  if (!query.success) notFound();
  const attempt = query.data.attempt ?? null;
  const { t } = await getT();
  const view = await orNotFound(getStudentAnswers(db(), user, classId, assignmentId, userId, attempt, new Date()));
  const csv = `${report}/csv?kind=answers&student=${encodeURIComponent(userId)}${view.shown === null ? "" : `&attempt=${view.shown}`}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("reports.student.title", { name: view.student.name })}</h1>
        <p className="text-fg-soft">
          {view.assignment.title} · {view.className} · {t(`reports.status.${view.student.status}`)}
        </p>
        <div>
          <Link href={report} className={buttonClass("ghost")}>
            {t("reports.backToReport")}
          </Link>
        </div>
      </header>
      <StudentAnswersView view={view} basePath={base} />
      {view.shown !== null && <CsvLinks links={[{ href: csv, label: t("reports.csv.studentAnswers") }]} />}
    </div>
  );
}
