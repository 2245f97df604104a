import { Link } from "@/lib/ui/link";
import type { Translate } from "@/lib/i18n";
import { buttonClass } from "@/lib/ui/button";
import type { DeckSummary } from "../data";

export function DeckList({ decks, t }: { decks: DeckSummary[]; t: Translate }) {
  return (
    <ul className="flex flex-col gap-4">
      {decks.map((deck) => (
        <li key={deck.id} className="rounded-xl border border-line bg-raised p-4">
          <h2 className="text-xl font-semibold">{deck.title}</h2>
          {deck.description && <p className="mt-1 text-fg-soft">{deck.description}</p>}
          <p className="mt-2 text-sm text-muted">
            {t("decks.facts", { count: deck.factCount })} · {t("decks.questions", { count: deck.questionCount })}
          </p>
          <h3 className="mt-3 text-sm font-semibold">{t("decks.topics")}</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {deck.topics.map((topic) => (
              <li key={topic.name} className="rounded-full bg-sunken px-3 py-1">
                {topic.name} <span className="text-muted">({topic.factCount})</span>
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`/decks/${deck.id}`} className={buttonClass("secondary")}>
              {t("decks.browse")}
            </Link>
            <Link href={`/practice/${deck.id}`} className={buttonClass("primary")}>
              {t("decks.practice")}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
