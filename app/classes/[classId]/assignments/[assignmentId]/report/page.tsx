import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import { orNotFound } from "@/lib/features/classes/not-found";
import { CsvLinks } from "@/lib/features/reports/components/csv-links";
import { QuestionTable } from "@/lib/features/reports/components/question-table";
import { ReportSummary } from "@/lib/features/reports/components/report-summary";
import { StudentTable } from "@/lib/features/reports/components/student-table";
import { getAssignmentReport } from "@/lib/features/reports/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = { params: Promise<{ classId: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reports.title") };
}

export default async function ReportPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const base = `/classes/${classId}/assignments/${assignmentId}/report`;
  const user = await requireUser({ returnTo: base });
  // Reports are the class teacher's alone; anyone else gets the same 404 as a wrong id.
  if (user.role !== "teacher") notFound();
  const { t, locale } = await getT();
  const report = await orNotFound(getAssignmentReport(db(), user, classId, assignmentId, new Date()));
  const { assignment } = report;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("reports.reportTitle", { title: assignment.title })}</h1>
        <p className="text-fg-soft">
          {t("reports.classLine", { className: report.className, due: formatInZone(assignment.dueAt, assignment.timeZone, locale, await getViewerTimeZone()) })}
        </p>
        <nav aria-label={t("reports.sections")} className="flex flex-wrap gap-2">
          <Link href={`/classes/${classId}/assignments/${assignmentId}`} className={buttonClass("ghost")}>
            {t("reports.backToAssignment")}
          </Link>
          <Link href={`/classes/${classId}/recall`} className={buttonClass("secondary")}>
            {t("reports.recallLink")}
          </Link>
        </nav>
      </header>
      <ReportSummary report={report} />
      <StudentTable report={report} basePath={base} />
      <QuestionTable report={report} />
      <CsvLinks
        links={[
          { href: `${base}/csv?kind=students`, label: t("reports.csv.students") },
          { href: `${base}/csv?kind=questions`, label: t("reports.csv.questions") },
          { href: `${base}/csv?kind=answers`, label: t("reports.csv.answers") },
        ]}
      />
    </div>
  );
}
