"use client";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { deleteAccountAction } from "../actions";

/** "Delete my account": asks for the password, then signs out to the home page. */
export function DeleteAccountForm({ teacher }: { teacher: boolean }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setWorking(true);
    const result = await deleteAccountAction(new FormData(event.currentTarget));
    if (result.ok) {
      await signOut({ callbackUrl: "/" });
      return;
    }
    setWorking(false);
    setFields(result.fields ?? { _: `errors.${result.code}` });
  }
  const error = (name: string) => (fields[name] ? translateDynamic(t, fields[name], "errors.INVALID_INPUT") : undefined);
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
