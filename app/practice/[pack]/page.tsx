import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDeckSummary } from "@/lib/features/decks/data";
import { PracticeQuiz } from "@/lib/features/practice/components/practice-quiz";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";

type Params = { params: Promise<{ pack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const deck = getDeckSummary((await params).pack);
  const { t } = await getT();
  return { title: deck ? t("practice.title", { pack: deck.title }) : undefined };
}

export default async function PracticePage({ params }: Params) {
  const deck = getDeckSummary((await params).pack);
  if (!deck) notFound();
  const [{ t }, user] = await Promise.all([getT(), getOptionalUser()]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("practice.title", { pack: deck.title })}</h1>
      <p className="text-fg-soft">{t("practice.intro")}</p>
      <PracticeQuiz pack={deck.id} guest={!user} topics={deck.topics} forms={deck.forms} />
    </div>
  );
}
