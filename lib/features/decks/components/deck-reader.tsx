import type { ReactNode } from "react";
import { Link } from "@/lib/ui/link";
import { RATIO_UNIT, type Fact } from "@/lib/core/content/schema";
import { formatDate, parseDate } from "@/lib/core/generate/dates";
import type { Translate } from "@/lib/i18n";
import { buttonClass } from "@/lib/ui/button";
import { topicOf, type DeckReader as Reader } from "../data";
import { DeckSearch } from "./deck-search";

const chip = "inline-flex min-h-11 items-center rounded-full border px-3 text-sm focus-visible:outline-2 focus-visible:outline-focus";

function Disputed({ fact, t }: { fact: Fact; t: Translate }) {
  if (!fact.disputed) return null;
  return <p className="mt-1 text-sm text-warn">⚠ {t("decks.disputed", { note: fact.disputed.note })}</p>;
}

/**
 * One part of the reader behind a native disclosure: closed on a phone (open when a topic narrows
 * the page), opened from `sm` up and by a link to it (DeckSearch). The id is the index's anchor.
 */
function Part({ id, title, count, open, children }: { id: string; title: string; count: number; open: boolean; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <details id={id} data-section open={open || undefined} className="group scroll-mt-4 rounded-xl border border-line">
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-xl px-3 py-2 focus-visible:outline-2 focus-visible:outline-focus">
        <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-90">▸</span>
        <h2 className="text-xl font-semibold">{title}</h2>
        <span className="text-sm text-muted">({count})</span>
      </summary>
      <div className="px-3 pb-3">{children}</div>
    </details>
  );
}

/**
 * A pack for reading: a topic index (each topic narrows the page to its facts), a search over the
 * facts, and the timeline, lists, groups, figures and terms as disclosures.
 */
export function DeckReaderView({ reader, topic, t }: { reader: Reader; topic: string | undefined; t: Translate }) {
  const { summary } = reader;
  const inTopic = <F extends Fact>(facts: F[]) => (topic ? facts.filter((f) => topicOf(f.section) === topic) : facts);
  const timeline = inTopic(reader.timeline);
  const sets = inTopic(reader.sets);
  const memberships = inTopic(reader.memberships);
  const quantities = inTopic(reader.quantities);
  const terms = inTopic(reader.terms);
  const parts = [
    { id: "timeline", label: t("decks.timeline"), count: timeline.length },
    { id: "sets", label: t("decks.sets"), count: sets.length },
    { id: "groups", label: t("decks.memberships"), count: memberships.length },
    { id: "figures", label: t("decks.quantities"), count: quantities.length },
    { id: "terms", label: t("decks.terms"), count: terms.length },
  ].filter((p) => p.count > 0);
  const base = `/decks/${summary.id}`;
  const narrowed = topic !== undefined;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{summary.title}</h1>
        <p className="text-sm text-muted">
          {t("decks.facts", { count: summary.factCount })} · {t("decks.questions", { count: summary.questionCount })}
        </p>
        <Link href={`/practice/${summary.id}`} className={buttonClass("primary", "self-start")}>
          {t("decks.practice")}
        </Link>
      </header>

      <nav aria-labelledby="topics" className="flex flex-col gap-2">
        <h2 id="topics" className="text-lg font-semibold">{t("decks.topics")}</h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href={base} aria-current={topic ? undefined : "page"} className={`${chip} ${topic ? "border-line-strong" : "border-accent bg-accent-soft"}`}>
              {t("decks.allTopics")}
            </Link>
          </li>
          {summary.topics.map((tp) => (
            <li key={tp.name}>
              <Link
                href={`${base}?topic=${encodeURIComponent(tp.name)}`}
                aria-current={tp.name === topic ? "page" : undefined}
                className={`${chip} ${tp.name === topic ? "border-accent bg-accent-soft" : "border-line-strong"}`}
              >
                {tp.name}
                <span className="ml-1 text-muted">({tp.factCount})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <nav aria-label={t("decks.jump")} className="flex flex-wrap gap-2">
        {parts.map((p) => (
          <a key={p.id} href={`#${p.id}`} className={buttonClass("ghost", "text-sm")}>
            {p.label} ({p.count})
          </a>
        ))}
      </nav>

      <DeckSearch root="deck-parts" />

      <div id="deck-parts" className="flex flex-col gap-3">
        <Part id="timeline" title={t("decks.timeline")} count={timeline.length} open={narrowed}>
          <ol className="mt-1 border-l-2 border-accent pl-4">
            {timeline.map((f) => (
              <li key={f.id} data-fact className="relative pb-4">
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
        </Part>

        <Part id="sets" title={t("decks.sets")} count={sets.length} open={narrowed}>
          <div className="flex flex-col gap-4">
            {sets.map((f) => {
              const List = f.ordered ? "ol" : "ul";
              return (
                <article key={f.id} data-fact className="rounded-lg border border-line p-3">
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
          </div>
        </Part>

        <Part id="groups" title={t("decks.memberships")} count={memberships.length} open={narrowed}>
          <div className="flex flex-col gap-4">
            {memberships.map((f) => (
              <article key={f.id} data-fact className="rounded-lg border border-line p-3">
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
          </div>
        </Part>

        <Part id="figures" title={t("decks.quantities")} count={quantities.length} open={narrowed}>
          <ul className="divide-y divide-line">
            {quantities.map((f) => (
              <li key={f.id} data-fact className="flex flex-col py-2 sm:flex-row sm:justify-between sm:gap-4">
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
        </Part>

        <Part id="terms" title={t("decks.terms")} count={terms.length} open={narrowed}>
          <dl className="flex flex-col gap-3">
            {terms.map((f) => (
              <div key={f.id} data-fact>
                <dt className="font-semibold">{f.term}</dt>
                <dd className="text-fg-soft">{f.definition}</dd>
              </div>
            ))}
          </dl>
        </Part>
      </div>
    </div>
  );
}
