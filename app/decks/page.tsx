import type { Metadata } from "next";
import { DeckList } from "@/lib/features/decks/components/deck-list";
import { listDecks } from "@/lib/features/decks/data";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("decks.title") };
}

export default async function DecksPage() {
  const { t } = await getT();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("decks.title")}</h1>
      <p className="text-fg-soft">{t("decks.intro")}</p>
      <DeckList decks={listDecks()} t={t} />
    </div>
  );
}
