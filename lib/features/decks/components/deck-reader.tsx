import { Link } from "@/lib/ui/link";
import { RATIO_UNIT, type Fact } from "@/lib/core/content/schema";
import { formatDate, parseDate } from "@/lib/core/generate/dates";
import type { Translate } from "@/lib/i18n";
import { buttonClass } from "@/lib/ui/button";
import type { DeckReader as Reader } from "../data";

const heading = "scroll-mt-4 text-xl font-semibold";

function Disputed({ fact, t }: { fact: Fact; t: Translate }) {
  if (!fact.disputed) return null;
  return <p className="mt-1 text-sm text-warn">⚠ {t("decks.disputed", { note: fact.disputed.note })}</p>;
}

/** A pack for reading: topics, a timeline, lists, groups, figures and terms. Server-rendered, no client JS. */
export function DeckReaderView({ reader, t }: { reader: Reader; t: Translate }) {
  const { summary } = reader;
  const parts = [
    { id: "timeline", label: t("decks.timeline"), count: reader.timeline.length },
    { id: "sets", label: t("decks.sets"), count: reader.sets.length },
    { id: "groups", label: t("decks.memberships"), count: reader.memberships.length },
    { id: "figures", label: t("decks.quantities"), count: reader.quantities.length },
    { id: "terms", label: t("decks.terms"), count: reader.terms.length },
  ].filter((p) => p.count > 0);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{summary.title}</h1>
        <p className="text-sm text-muted">
          {t("decks.facts", { count: summary.factCount })} · {t("decks.questions", { count: summary.questionCount })}
        </p>
        <Link href={`/practice/${summary.id}`} className={buttonClass("primary", "self-start")}>
          {t("decks.practice")}
        </Link>
      </header>

      <section aria-labelledby="topics">
        <h2 id="topics" className={heading}>{t("decks.topics")}</h2>
        <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {summary.topics.map((topic) => (
            <li key={topic.name} className="flex justify-between rounded-lg border border-line px-3 py-2">
              <span>{topic.name}</span>
              <span className="text-sm text-muted">
                {t("decks.facts", { count: topic.factCount })} · {t("decks.questions", { count: topic.questionCount })}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <nav aria-label={t("decks.jump")} className="flex flex-wrap gap-2">
        {parts.map((p) => (
          <a key={p.id} href={`#${p.id}`} className={buttonClass("ghost", "text-sm")}>
            {p.label} ({p.count})
          </a>
        ))}
      </nav>

      <section aria-labelledby="timeline">
        <h2 id="timeline" className={heading}>{t("decks.timeline")}</h2>
        <ol className="mt-3 border-l-2 border-accent pl-4">
          {reader.timeline.map((f) => (
            <li key={f.id} className="relative pb-4">
              <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-accent" />
              <p className="font-semibold tabular-nums">
                <time dateTime={f.date}>{formatDate(parseDate(f.date))}</time>
              </p>
              <p>
                {f.kind === "document" ? (
                  <>
                    <span className="text-sm text-muted">{t("decks.document")}</span>《{f.title}》
                    {f.issuer ? `（${f.issuer}）` : ""}
                  </>
                ) : (
                  <>
                    {f.what}
                    {f.where ? `（${f.where}）` : ""}
                  </>
                )}
              </p>
              <Disputed fact={f} t={t} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="sets" className="flex flex-col gap-4">
        <h2 id="sets" className={heading}>{t("decks.sets")}</h2>
        {reader.sets.map((f) => {
          const List = f.ordered ? "ol" : "ul";
          return (
            <article key={f.id} className="rounded-lg border border-line p-3">
              <h3 className="font-semibold">
                {f.name} {f.ordered && <span className="text-sm font-normal text-muted">{t("decks.ordered")}</span>}
              </h3>
              <List className={`mt-2 space-y-1 pl-5 ${f.ordered ? "list-decimal" : "list-disc"}`}>
                {f.items.map((item) => (
                  <li key={item.term}>
                    <span className="font-medium">{item.term}</span>
                    {item.gloss && <span className="text-fg-soft">：{item.gloss}</span>}
                  </li>
                ))}
              </List>
              <Disputed fact={f} t={t} />
            </article>
          );
        })}
      </section>

      <section aria-labelledby="groups" className="flex flex-col gap-4">
        <h2 id="groups" className={heading}>{t("decks.memberships")}</h2>
        {reader.memberships.map((f) => (
          <article key={f.id} className="rounded-lg border border-line p-3">
            <h3 className="font-semibold">{f.name}</h3>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {Object.entries(f.groups).map(([group, members]) => (
                <div key={group} className="contents">
                  <dt className="font-medium">{group}</dt>
                  <dd>{members.join("、")}</dd>
                </div>
              ))}
            </dl>
          </article>
        ))}
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className={heading}>{t("decks.quantities")}</h2>
        <ul className="mt-3 divide-y divide-line">
          {reader.quantities.map((f) => (
            <li key={f.id} className="flex flex-col py-2 sm:flex-row sm:justify-between sm:gap-4">
              <span>{f.subject}</span>
              <span className="font-semibold tabular-nums">
                {f.approx ?? ""}
                {f.value}
                {f.unit === RATIO_UNIT ? "" : f.unit}
                {f.asOf && <span className="font-normal text-muted">{t("decks.valueAsOf", { date: formatDate(parseDate(f.asOf)) })}</span>}
              </span>
              <Disputed fact={f} t={t} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="terms">
        <h2 id="terms" className={heading}>{t("decks.terms")}</h2>
        <dl className="mt-3 flex flex-col gap-3">
          {reader.terms.map((f) => (
            <div key={f.id}>
              <dt className="font-semibold">{f.term}</dt>
              <dd className="text-fg-soft">{f.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
