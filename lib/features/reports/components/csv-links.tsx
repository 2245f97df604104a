import { getT } from "@/lib/i18n/server";
import { buttonClass } from "@/lib/ui/button";

/** Download links of a report's CSV files. */
export async function CsvLinks({ links }: { links: { href: string; label: string }[] }) {
  const { t } = await getT();
  return (
    <section aria-labelledby="csv-title" className="flex flex-col gap-2">
      <h2 id="csv-title" className="text-lg font-semibold">{t("reports.csv.title")}</h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download className={buttonClass("secondary")} aria-label={t("reports.csv.downloadLabel", { name: l.label })}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
