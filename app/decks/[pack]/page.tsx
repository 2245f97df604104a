import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { text } from "@/lib/core/text";
import { DeckReaderView } from "@/lib/features/decks/components/deck-reader";
import { getDeckReader, getDeckSummary } from "@/lib/features/decks/data";
import { getT } from "@/lib/i18n/server";

type Params = { params: Promise<{ pack: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const deck = getDeckSummary((await params).pack);
  return { title: deck?.title };
}

const query = z.object({ topic: text().max(200).optional() });

export default async function DeckPage({ params, searchParams }: Params) {
  const reader = getDeckReader((await params).pack);
  if (!reader) notFound();
  const parsed = query.safeParse(await searchParams);
  // An unknown topic (an old link) shows the whole deck.
  const topic = parsed.success && reader.summary.topics.some((tp) => tp.name === parsed.data.topic) ? parsed.data.topic : undefined;
  const { t } = await getT();
  return <DeckReaderView reader={reader} topic={topic} t={t} />;
}
