import { Link } from "@/lib/ui/link";
import type { Translate } from "@/lib/i18n";
import type { DeckSummary } from "@/lib/features/decks/data";
import { ScrollRow } from "@/lib/ui/scroll-row";

/** Links to study one deck or one topic; the current choice is marked for screen readers too. */
export function StudyTopicNav({ decks, pack, topic, t }: { decks: DeckSummary[]; pack?: string | undefined; topic?: string | undefined; t: Translate }) {
  const chip = (active: boolean) =>
    `inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border px-3 text-sm ${active ? "border-accent bg-accent text-on-accent" : "border-line-strong"}`;
  const deck = decks.find((d) => d.id === pack) ?? (decks.length === 1 ? decks[0] : undefined);
  return (
    <ScrollRow label={t("study.topic")}>
      <Link href="/study" className={chip(!topic)} aria-current={!topic ? "page" : undefined}>
        {t("study.all")}
      </Link>
      {deck?.topics.map((tp) => {
        const active = topic === tp.name;
        return (
          <Link
            key={tp.name}
            href={`/study?pack=${encodeURIComponent(deck.id)}&topic=${encodeURIComponent(tp.name)}`}
            className={chip(active)}
            aria-current={active ? "page" : undefined}
          >
            {tp.name}
          </Link>
        );
      })}
    </ScrollRow>
  );
}
