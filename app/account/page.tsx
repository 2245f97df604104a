import { ChangeNameForm, ChangePasswordForm } from "@/lib/features/account/components/account-forms";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";

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
    </div>
  );
}
