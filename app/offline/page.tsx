import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { buttonClass } from "@/lib/ui/button";
import { Link } from "@/lib/ui/link";

// What the service worker shows for a page it has no copy of while offline (lib/features/pwa/sw.ts);
// kept in its page cache by the worker's registration.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("offline.pageTitle") };
}

export default async function OfflinePage() {
  const { t } = await getT();
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">{t("offline.pageTitle")}</h1>
      <p className="text-fg-soft">{t("offline.pageBody")}</p>
      <Link href="/study" className={buttonClass("primary")}>{t("offline.pageStudy")}</Link>
    </div>
  );
}
