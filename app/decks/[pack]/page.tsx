import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeckReaderView } from "@/lib/features/decks/components/deck-reader";
import { getDeckReader, getDeckSummary } from "@/lib/features/decks/data";
import { getT } from "@/lib/i18n/server";

type Params = { params: Promise<{ pack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const deck = getDeckSummary((await params).pack);
  return { title: deck?.title };
}

export default async function DeckPage({ params }: Params) {
  const reader = getDeckReader((await params).pack);
  if (!reader) notFound();
  const { t } = await getT();
  return <DeckReaderView reader={reader} t={t} />;
}
