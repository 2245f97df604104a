import type { Metadata } from "next";
import { JoinForm } from "@/lib/features/classes/components/join-form";
import { TeachersCannotJoin } from "@/lib/features/classes/components/join-preview";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("classes.join.title") };
}

export default async function JoinPage() {
  const user = await requireUser({ returnTo: "/join" });
  const { t } = await getT();
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("classes.join.title")}</h1>
      {user.role === "teacher" ? <TeachersCannotJoin /> : <JoinForm />}
    </div>
  );
}
