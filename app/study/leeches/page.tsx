import type { Metadata } from "next";
import { factTitleById } from "@/lib/features/decks/data";
import { LeechActions } from "@/lib/features/study/components/leech-actions";
import { listLeeches } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("leeches.title") };
}

export default async function LeechesPage() {
  const user = await requireUser({ returnTo: "/study/leeches" });
  const { t } = await getT();
  const cards = await listLeeches(db(), user.id);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("leeches.title")}</h1>
      <p className="text-fg-soft">{t("leeches.intro")}</p>
      {cards.length === 0 ? (
        <p>{t("leeches.none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {cards.map((c) => {
            const label = factTitleById(c.pack, c.factId);
            return (
              <li key={c.id} className="flex flex-col gap-2 rounded-lg border border-line p-3">
                <p className="font-medium">{label}</p>
                <p className="text-sm text-muted">
                  {c.topic} · {t("leeches.lapses", { n: c.lapses })}
                </p>
                <LeechActions cardId={c.id} label={label} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
