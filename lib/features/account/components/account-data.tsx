"use client";
import { fieldErrors } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { useActionForm } from "@/lib/ui/use-action-form";
import { deleteAccountAction } from "../actions";
import { signOutHere } from "../sign-out";

/** "Delete my account": asks for the password, then clears the device and signs out to the home page. */
export function DeleteAccountForm({ userId, teacher }: { userId: string; teacher: boolean }) {
  const { t } = useI18n();
  const { fields, pending: working, onSubmit } = useActionForm(
    (form) => deleteAccountAction(new FormData(form)),
    () => signOutHere(userId),
  );
  const error = fieldErrors(t, fields);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-labelledby="delete-heading">
      <h2 id="delete-heading" className="text-lg font-semibold">{t("accountData.deleteTitle")}</h2>
      <p className="text-sm text-fg-soft">{t("accountData.deleteIntro")}</p>
      {teacher && <p className="text-sm text-fg-soft">{t("accountData.deleteTeacherNote")}</p>}
      <Field label={t("accountData.deletePassword")} name="password" type="password" autoComplete="current-password" required error={error("password")} />
      <SubmitButton variant="danger" disabled={working}>
        {working ? t("accountData.deleting") : t("accountData.deleteSubmit")}
      </SubmitButton>
      <p role="alert" className="text-sm text-bad">{error("_")}</p>
    </form>
  );
}
