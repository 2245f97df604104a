import type { Metadata } from "next";
import { CreateClassForm } from "@/lib/features/classes/components/create-class-form";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("classes.new.title") };
}

export default async function NewClassPage() {
  const user = await requireUser({ returnTo: "/classes/new" });
  const { t } = await getT();
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("classes.new.title")}</h1>
      {user.role === "teacher" ? <CreateClassForm /> : <p>{t("classes.new.teachersOnly")}</p>}
    </div>
  );
}
