import type { Metadata } from "next";
import { ChangeNameForm, ChangePasswordForm } from "@/lib/features/account/components/account-forms";
import { DeleteAccountForm } from "@/lib/features/account/components/account-data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { buttonClass } from "@/lib/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const user = await requireUser({ returnTo: "/account" });
  const { t } = await getT();
  const role = t(user.role === "teacher" ? "auth.roleTeacher" : "auth.roleStudent");
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-fg-soft">{t("account.signedInAs", { email: user.email, role })}</p>
      </div>
      <ChangeNameForm name={user.name} />
      <ChangePasswordForm />
      <section className="flex flex-col gap-3" aria-labelledby="data-heading">
        <h2 id="data-heading" className="text-lg font-semibold">{t("accountData.title")}</h2>
        <p className="text-sm text-fg-soft">{t("accountData.exportIntro")}</p>
        {/* A plain link: the route answers with a file download. */}
        <a href="/api/account/export" download className={buttonClass("secondary")}>
          {t("accountData.exportLink")}
        </a>
      </section>
      <DeleteAccountForm userId={user.id} teacher={user.role === "teacher"} />
    </div>
  );
}
