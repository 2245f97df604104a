import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { getT } from "@/lib/i18n/server";
import { buttonClass } from "@/lib/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("errors.notFoundTitle") };
}

export default async function NotFound() {
  const { t } = await getT();
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">{t("errors.notFoundTitle")}</h1>
      <Link href="/" className={buttonClass("secondary")}>{t("errors.backHome")}</Link>
    </div>
  );
}
