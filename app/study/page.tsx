import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { listDecks } from "@/lib/features/decks/data";
import { StudyTopicNav } from "@/lib/features/study/components/topic-nav";
import { StudySession } from "@/lib/features/study/components/study-session";
import { ExamCountdown } from "@/lib/features/study/components/exam-countdown";
import { getSettings, getStudyQueue, type StudyFilter } from "@/lib/features/study/data";
import { queueQuery } from "@/lib/features/study/schema";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("study.title") };
}

export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const user = await requireUser({ returnTo: `/study${query.size ? `?${query}` : ""}` });
  const parsed = queueQuery.safeParse({ pack: params.pack, topic: params.topic });
  const filter: StudyFilter = parsed.success ? { pack: parsed.data.pack, topic: parsed.data.topic } : {};
  const { t, locale } = await getT();
  const now = new Date();
  const [queue, settings] = await Promise.all([getStudyQueue(db(), user.id, filter, now, locale), getSettings(db(), user.id)]);
  const link = "inline-flex min-h-11 min-w-11 items-center justify-center text-sm font-medium text-accent-fg underline";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-2xl font-bold">{t("study.title")}</h1>
        <Link href="/stats" className={link}>{t("study.stats")}</Link>
        <Link href="/study/leeches" className={link}>{t("study.leeches")}</Link>
        <Link href="/study/settings" className={link}>{t("study.settings")}</Link>
      </div>
      <ExamCountdown settings={settings} now={now} locale={locale} t={t} />
      <StudyTopicNav decks={listDecks()} pack={filter.pack} topic={filter.topic} t={t} />
      <StudySession key={`${filter.pack ?? ""}/${filter.topic ?? ""}`} initial={queue} filter={filter} userId={user.id} />
    </div>
  );
}
