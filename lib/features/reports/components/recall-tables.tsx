import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import { percent } from "../format";
import type { ClassRecall } from "../recall";
import { ScrollTable, td, th } from "./table";

/** One students × topics table per date (now, then each upcoming due date), with the class mean. */
export async function RecallTables({ recall }: { recall: ClassRecall }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  if (recall.topics.length === 0) return <p>{t("reports.recall.noAssignments")}</p>;
  if (recall.tables[0]?.rows.length === 0) return <p>{t("reports.recall.noStudents")}</p>;
  const packCount = new Set(recall.topics.map((tp) => tp.pack)).size;
  return (
    <>
      {recall.dates.map((date, d) => {
        const table = recall.tables[d]!;
        const first = date.due[0];
        const title = first
          ? t("reports.recall.dueAt", { date: formatInZone(date.at, first.timeZone, locale, viewer), titles: date.due.map((a) => a.title).join("、") })
          : t("reports.recall.now");
        return (
          <section key={date.at.toISOString()} aria-labelledby={`recall-${d}`} className="flex flex-col gap-2">
            <h2 id={`recall-${d}`} className="text-lg font-semibold">{title}</h2>
            <ScrollTable label={title}>
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("reports.recall.student")}</th>
                  {recall.topics.map((tp) => (
                    <th key={`${tp.pack}/${tp.topic}`} scope="col" className={`${th} whitespace-normal`}>
                      {packCount > 1 && <span className="block text-xs font-normal">{locale === "en" ? tp.packTitleEn : tp.packTitle}</span>}
                      {tp.topic}
                    </th>
                  ))}
                  <th scope="col" className={th}>{t("reports.recall.overall")}</th>
                </tr>
              </thead>
              <tbody data-testid="recall-rows">
                {table.rows.map((r) => (
                  <tr key={r.student.userId}>
                    <th scope="row" className={`${td} font-medium whitespace-nowrap`}>{r.student.name}</th>
                    {r.shares.map((share, i) => (
                      <td key={i} className={`${td} tabular-nums`}>{percent(t, share)}</td>
                    ))}
                    <td className={`${td} font-medium tabular-nums`}>{percent(t, r.overall)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className={`${td} font-semibold whitespace-nowrap`}>{t("reports.recall.mean")}</th>
                  {table.mean.map((share, i) => (
                    <td key={i} className={`${td} font-semibold tabular-nums`}>{percent(t, share)}</td>
                  ))}
                  <td className={`${td} font-semibold tabular-nums`}>{percent(t, table.meanOverall)}</td>
                </tr>
              </tfoot>
            </ScrollTable>
          </section>
        );
      })}
    </>
  );
}
