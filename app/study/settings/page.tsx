import type { Metadata } from "next";
import { SettingsForm } from "@/lib/features/study/components/settings-form";
import { getSettings } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("settings.title") };
}

export default async function StudySettingsPage() {
  const user = await requireUser({ returnTo: "/study/settings" });
  const { t } = await getT();
  const settings = await getSettings(db(), user.id);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <SettingsForm settings={settings} />
    </div>
  );
}
