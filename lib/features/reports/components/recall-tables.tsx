import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import Form from "next/form";
import type { ReactNode } from "react";
import { formatInZone } from "@/lib/core/assignments/time";
import { recallBand, sortRecallRows, weakestTopics, type RecallBand, type RecallSortKey, type RecallTable, type SortOrder } from "@/lib/core/reports";
import type { Locale, Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { Link } from "@/lib/ui/link";
import { percent } from "../format";
import type { ClassRecall, RecallStudent } from "../recall";
import type { RecallQuery, RecallView } from "../schema";
import { ScrollTable } from "./table";

// Desktop (lg and up): one students × topics table per date, cells shaded by recall with the
// number in each, sortable by any column, the weakest topic marked. Below lg the wide table
// gives way to a list per topic or per student (?view=), each opening to its details.

const shade: Record<RecallBand, string> = {
  low: "bg-scale-low",
  mid: "bg-scale-mid",
  high: "bg-scale-high",
};
const bands: RecallBand[] = ["low", "mid", "high"];

const topicKey = (tp: { pack: string; topic: string }) => `${tp.pack}/${tp.topic}`;

/** The column `?sort=` names; an unknown one (a topic no longer assigned) is name order. */
function sortKeyOf(recall: ClassRecall, sort: string | undefined): RecallSortKey {
  if (sort === "overall") return { by: "overall" };
  const index = recall.topics.findIndex((tp) => topicKey(tp) === sort);
  return index >= 0 ? { by: "topic", index } : { by: "name" };
}

const sameKey = (a: RecallSortKey, b: RecallSortKey) => a.by === b.by && (a.by !== "topic" || (b.by === "topic" && a.index === b.index));

interface Sorting {
  key: RecallSortKey;
  /** The key as `?sort=` names it. */
  value: string;
  order: SortOrder;
  basePath: string;
  view: RecallView | undefined;
}

/** A recall figure on its band's shade; the text is the percent unless given. */
function Figure({ t, share, children }: { t: Translate; share: number | null; children?: ReactNode }) {
  return <span className={`inline-block min-w-11 rounded px-1.5 py-0.5 text-center tabular-nums ${share === null ? "" : shade[recallBand(share)]}`}>{children ?? percent(t, share)}</span>;
}

function WeakestMark({ t }: { t: Translate }) {
  return (
    <span className="block text-xs font-semibold text-bad" data-testid="weakest-mark">
      <span aria-hidden="true">⚠ </span>
      {t("reports.recall.weakest")}
    </span>
  );
}

/**
 * A column header's sort control: a GET form, so it works before hydration and without JS;
 * next/form turns it into a client navigation that keeps the scroll position. A column sorts
 * weakest first (names A–Z) the first time, and the other way on a second press.
 */
function SortHeader({ t, sorting, column, value, label }: { t: Translate; sorting: Sorting; column: RecallSortKey; value: string; label: string }) {
  const active = sameKey(sorting.key, column);
  const next: SortOrder = active && sorting.order === "asc" ? "desc" : "asc";
  return (
    <Form action={sorting.basePath} prefetch={false} scroll={false}>
      <input type="hidden" name="sort" value={value} />
      <input type="hidden" name="order" value={next} />
      {sorting.view && <input type="hidden" name="view" value={sorting.view} />}
      <button
        type="submit"
        title={t("reports.recall.sortBy", { column: label })}
        className="inline-flex items-start gap-0.5 rounded text-left font-medium break-words hover:underline focus-visible:outline-2 focus-visible:outline-focus"
      >
        {label}
        <span aria-hidden="true" className="w-3 shrink-0 text-muted">{active ? (sorting.order === "asc" ? "▲" : "▼") : ""}</span>
      </button>
    </Form>
  );
}

function ariaSort(sorting: Sorting, column: RecallSortKey) {
  if (!sameKey(sorting.key, column)) return undefined;
  return sorting.order === "asc" ? "ascending" : "descending";
}

/** "最弱主题：…" above a table, or why none is marked. */
function WeakestLine({ t, locale, recall, table, weakest }: { t: Translate; locale: Locale; recall: ClassRecall; table: RecallTable<RecallStudent>; weakest: number[] }) {
  if (recall.topics.length < 2) return null;
  const first = weakest[0];
  if (first === undefined) return <p data-testid="weakest-line">{t("reports.recall.level", { percent: percent(t, table.mean[0] ?? null) })}</p>;
  // Up to three names: "A、B和C"; more are counted, their names are in the marked headers.
  const names = weakest.slice(0, 3).map((i) => recall.topics[i]!.topic);
  const many = weakest.length > 3;
  const topics = many ? names.join(t("reports.recall.separator")) : new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
  const vars = { topics, percent: percent(t, table.mean[first] ?? null), n: weakest.length, more: weakest.length - names.length };
  const key = many ? "reports.recall.weakestMany" : weakest.length === 1 ? "reports.recall.weakestOne" : "reports.recall.weakestSome";
  return (
    <p data-testid="weakest-line" className="font-medium">
      <span aria-hidden="true" className="text-bad">⚠ </span>
      {t(key, vars)}
    </p>
  );
}

function DateTable({ t, locale, recall, table, title, weakest, sorting }: { t: Translate; locale: Locale; recall: ClassRecall; table: RecallTable<RecallStudent>; title: string; weakest: number[]; sorting: Sorting }) {
  const packCount = new Set(recall.topics.map((tp) => tp.pack)).size;
  const rows = sortRecallRows(table.rows, sorting.key, sorting.order);
  const cell = "border-b border-line px-1 py-1 text-center";
  const headCell = "border-b border-line-strong px-1.5 py-2 align-bottom font-medium";
  return (
    <ScrollTable label={title}>
      <thead>
        <tr>
          <th scope="col" className={headCell} aria-sort={ariaSort(sorting, { by: "name" })}>
            <SortHeader t={t} sorting={sorting} column={{ by: "name" }} value="name" label={t("reports.recall.student")} />
          </th>
          {recall.topics.map((tp, i) => {
            const column: RecallSortKey = { by: "topic", index: i };
            return (
              <th key={topicKey(tp)} scope="col" className={`${headCell} ${weakest.includes(i) ? "bg-bad-soft" : ""}`} aria-sort={ariaSort(sorting, column)}>
                {packCount > 1 && <span className="block text-xs font-normal">{locale === "en" ? tp.packTitleEn : tp.packTitle}</span>}
                <SortHeader t={t} sorting={sorting} column={column} value={topicKey(tp)} label={tp.topic} />
                {weakest.includes(i) && <WeakestMark t={t} />}
              </th>
            );
          })}
          <th scope="col" className={headCell} aria-sort={ariaSort(sorting, { by: "overall" })}>
            <SortHeader t={t} sorting={sorting} column={{ by: "overall" }} value="overall" label={t("reports.recall.overall")} />
          </th>
        </tr>
      </thead>
      <tbody data-testid="recall-rows">
        {rows.map((r) => (
          <tr key={r.student.userId}>
            <th scope="row" className="border-b border-line px-2 py-1 text-left font-medium break-words">{r.student.name}</th>
            {r.shares.map((share, i) => (
              <td key={i} className={cell}>
                <Figure t={t} share={share} />
              </td>
            ))}
            <td className={`${cell} font-medium`}>
              <Figure t={t} share={r.overall} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="border-b border-line px-2 py-1 text-left font-semibold whitespace-nowrap">{t("reports.recall.mean")}</th>
          {table.mean.map((share, i) => (
            <td key={i} className={`${cell} font-semibold`}>
              <Figure t={t} share={share} />
            </td>
          ))}
          <td className={`${cell} font-semibold`}>
            <Figure t={t} share={table.meanOverall} />
          </td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="recall-legend">
      <span>{t("reports.recall.legend")}</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {bands.map((band) => (
          <li key={band} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block size-4 rounded border border-line-strong ${shade[band]}`} />
            {t(`reports.recall.band.${band}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The phone's switch between the list by topic and the list by student; links, so it needs no JS. */
function ViewSwitch({ t, sorting, view }: { t: Translate; sorting: Sorting; view: RecallView }) {
  const href = (v: RecallView) => {
    const params = new URLSearchParams({ view: v });
    // The table's sort, kept for when the screen widens (a tablet turned sideways).
    if (sorting.key.by !== "name" || sorting.order !== "asc") {
      params.set("sort", sorting.value);
      params.set("order", sorting.order);
    }
    return `${sorting.basePath}?${params.toString()}`;
  };
  const chip = (active: boolean) =>
    `inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border px-4 ${active ? "border-accent bg-accent text-on-accent" : "border-line-strong"}`;
  return (
    <nav aria-label={t("reports.recall.view.label")} className="flex gap-2 lg:hidden">
      {(["topics", "students"] as const).map((v) => (
        <Link key={v} href={href(v)} scroll={false} className={chip(view === v)} aria-current={view === v ? "true" : undefined}>
          {t(`reports.recall.view.${v}`)}
        </Link>
      ))}
    </nav>
  );
}

const summaryClass = "flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2 gap-y-1 py-1";

/** The open/closed sign of a list line (a flex <summary> loses the browser's own marker). */
const openSign = (
  <span aria-hidden="true" className="ml-auto text-muted group-open:rotate-90">
    ▸
  </span>
);

/** Per topic, weakest class mean first; each opens to its students, weakest first. */
function TopicList({ t, recall, table, weakest }: { t: Translate; recall: ClassRecall; table: RecallTable<RecallStudent>; weakest: number[] }) {
  const order = recall.topics.map((_, i) => i).sort((a, b) => (table.mean[a] ?? 0) - (table.mean[b] ?? 0));
  return (
    <ul className="flex flex-col divide-y divide-line rounded-lg border border-line px-3" data-testid="recall-by-topic">
      {order.map((i) => {
        const tp = recall.topics[i]!;
        const students = [...table.rows].sort((a, b) => (a.shares[i] ?? 0) - (b.shares[i] ?? 0));
        return (
          <li key={topicKey(tp)}>
            <details className="group">
              <summary className={summaryClass}>
                <span className="font-medium">{tp.topic}</span>
                {weakest.includes(i) && (
                  <span className="text-sm font-semibold text-bad">
                    <span aria-hidden="true">⚠ </span>
                    {t("reports.recall.weakest")}
                  </span>
                )}
                <Figure t={t} share={table.mean[i] ?? null}>{t("reports.recall.topicMean", { percent: percent(t, table.mean[i] ?? null) })}</Figure>
                {openSign}
              </summary>
              <ol className="flex flex-col gap-1 pb-3">
                {students.map((r) => (
                  <li key={r.student.userId} className="flex items-center justify-between gap-2">
                    <span className="break-words">{r.student.name}</span>
                    <Figure t={t} share={r.shares[i] ?? 0} />
                  </li>
                ))}
              </ol>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

/** Per student, in name order; each opens to their topics, weakest first. */
function StudentList({ t, recall, table }: { t: Translate; recall: ClassRecall; table: RecallTable<RecallStudent> }) {
  return (
    <ul className="flex flex-col divide-y divide-line rounded-lg border border-line px-3" data-testid="recall-by-student">
      {table.rows.map((r) => {
        const topics = recall.topics.map((_, i) => i).sort((a, b) => (r.shares[a] ?? 0) - (r.shares[b] ?? 0));
        return (
          <li key={r.student.userId}>
            <details className="group">
              <summary className={summaryClass}>
                <span className="font-medium break-words">{r.student.name}</span>
                <Figure t={t} share={r.overall}>{t("reports.recall.studentOverall", { percent: percent(t, r.overall) })}</Figure>
                {openSign}
              </summary>
              <ol className="flex flex-col gap-1 pb-3">
                {topics.map((i) => (
                  <li key={topicKey(recall.topics[i]!)} className="flex items-center justify-between gap-2">
                    <span className="break-words">{recall.topics[i]!.topic}</span>
                    <Figure t={t} share={r.shares[i] ?? 0} />
                  </li>
                ))}
              </ol>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The class recall for each date (now, then each upcoming due date): the table on a wide screen,
 * the list by topic or by student (`query.view`, by topic unless asked) on a narrow one.
 */
export async function RecallTables({ recall, query, basePath }: { recall: ClassRecall; query: RecallQuery; basePath: string }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  if (recall.topics.length === 0) return <p>{t("reports.recall.noAssignments")}</p>;
  if (recall.tables[0]?.rows.length === 0) return <p>{t("reports.recall.noStudents")}</p>;
  const key = sortKeyOf(recall, query.sort);
  const value = key.by === "topic" ? topicKey(recall.topics[key.index]!) : key.by;
  const sorting: Sorting = { key, value, order: query.order ?? "asc", basePath, view: query.view };
  const view = query.view ?? "topics";
  return (
    <>
      <Legend t={t} />
      <ViewSwitch t={t} sorting={sorting} view={view} />
      {recall.dates.map((date, d) => {
        const table = recall.tables[d]!;
        const first = date.due[0];
        const title = first
          ? t("reports.recall.dueAt", { date: formatInZone(date.at, first.timeZone, locale, viewer), titles: date.due.map((a) => a.title).join("、") })
          : t("reports.recall.now");
        const weakest = weakestTopics(table.mean);
        return (
          // Not named after its heading: the table's scroller is a region of that name already (axe landmark-unique).
          <section key={date.at.toISOString()} className="flex flex-col gap-2" data-testid="recall-date">
            <h2 id={`recall-${d}`} className="text-lg font-semibold">{title}</h2>
            <WeakestLine t={t} locale={locale} recall={recall} table={table} weakest={weakest} />
            <div className="hidden lg:block">
              <DateTable t={t} locale={locale} recall={recall} table={table} title={title} weakest={weakest} sorting={sorting} />
            </div>
            <div className="lg:hidden">{view === "topics" ? <TopicList t={t} recall={recall} table={table} weakest={weakest} /> : <StudentList t={t} recall={recall} table={table} />}</div>
          </section>
        );
      })}
    </>
  );
}
