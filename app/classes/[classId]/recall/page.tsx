import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { orNotFound } from "@/lib/features/classes/not-found";
import { CsvLinks } from "@/lib/features/reports/components/csv-links";
import { RecallTables } from "@/lib/features/reports/components/recall-tables";
import { getClassRecall } from "@/lib/features/reports/recall";
import { recallQuery } from "@/lib/features/reports/schema";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = {
  params: Promise<{ classId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reports.recall.title") };
}

export default async function ClassRecallPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const base = `/classes/${classId}/recall`;
  const user = await requireUser({ returnTo: base });
  if (user.role !== "teacher") notFound();
  const query = recallQuery.safeParse(await searchParams);
  if (!query.success) notFound();
  const { t } = await getT();
  const recall = await orNotFound(getClassRecall(db(), user, classId, new Date()));
  const hasData = recall.topics.length > 0 && (recall.tables[0]?.rows.length ?? 0) > 0;
  return (
    // data-wide: the layout lets this page use the screen's width for the table.
    <div className="flex flex-col gap-6" data-wide>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("reports.recall.heading", { className: recall.className })}</h1>
        <p className="text-fg-soft">{t("reports.recall.intro")}</p>
        <div>
          <Link href={`/classes/${classId}`} className={buttonClass("ghost")}>
            {t("reports.backToClass")}
          </Link>
        </div>
      </header>
      <RecallTables recall={recall} query={query.data} basePath={base} />
      {hasData && <CsvLinks links={[{ href: `${base}/csv`, label: t("reports.csv.recall") }]} />}
    </div>
  );
}
