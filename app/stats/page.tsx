import type { Metadata } from "next";
import { getStudyStats } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { ColumnChart, ShareBars } from "@/lib/ui/charts";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("stats.title") };
}

const shortDay = (key: string) => key.slice(5);

export default async function StatsPage() {
  const user = await requireUser({ returnTo: "/stats" });
  const { t } = await getT();
  const stats = await getStudyStats(db(), user.id, new Date());
  const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  const tableLabels = { label: t("stats.day"), value: t("stats.count"), show: t("stats.showTable"), empty: t("stats.noData") };
  const shareLabels = { label: t("stats.topic"), value: t("stats.share"), show: t("stats.showTable") };
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("stats.title")}</h1>
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded-lg border border-line p-3">
          <dt className="text-sm text-muted">{t("stats.streak")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="streak">{t("stats.streakDays", { n: stats.streak })}</dd>
        </div>
        <div className="rounded-lg border border-line p-3">
          <dt className="text-sm text-muted">{t("stats.retention")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="retention">
            {stats.retention.rate === null ? "—" : pct(stats.retention.rate)}
          </dd>
          <dd className="text-xs text-muted">
            {stats.retention.passed} / {stats.retention.total} · {t("stats.retentionHint")}
          </dd>
        </div>
      </dl>
      <section data-testid="reviews-per-day">
        <ColumnChart
          title={t("stats.reviewsPerDay")}
          data={stats.reviewsPerDay.map((d) => ({ label: shortDay(d.day), value: d.count }))}
          labels={{ ...tableLabels, summary: t("stats.total", { n: total(stats.reviewsPerDay) }) }}
        />
        <p className="sr-only" data-testid="reviews-today">{stats.reviewsPerDay.at(-1)?.count ?? 0}</p>
      </section>
      <section>
        <ColumnChart
          title={t("stats.forecast")}
          data={stats.forecast.map((d) => ({ label: shortDay(d.day), value: d.count }))}
          labels={{ ...tableLabels, summary: t("stats.total", { n: total(stats.forecast) }) }}
        />
      </section>
      <section>
        <ShareBars
          title={t("stats.mastery")}
          hint={t("stats.masteryHint")}
          rows={stats.mastery.map((m) => ({ label: m.topic, share: m.share, detail: `${m.value} / ${m.total} (${pct(m.share)})` }))}
          labels={shareLabels}
        />
      </section>
      {stats.exam && (
        <section>
          <ShareBars
            title={t("stats.examTitle", { date: stats.exam.date })}
            hint={t("stats.examHint")}
            rows={stats.exam.byTopic.map((m) => ({ label: m.topic, share: m.share, detail: pct(m.share) }))}
            labels={shareLabels}
          />
        </section>
      )}
    </div>
  );
}
