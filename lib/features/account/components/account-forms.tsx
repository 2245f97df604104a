"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrors, type MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/errors";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { useActionForm } from "@/lib/ui/use-action-form";
import { changeNameAction, changePasswordAction } from "../actions";

/** A small account form: field errors, the form's own error, and a saved notice. */
function useAccountForm(action: (form: FormData) => Promise<ActionResult>, done: MessageKey) {
  const { t } = useI18n();
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const { fields, pending, onSubmit } = useActionForm(
    (form) => {
      setStatus(undefined);
      return action(new FormData(form));
    },
    (_, form) => {
      setStatus(t(done));
      form.querySelectorAll<HTMLInputElement>("input[type=password]").forEach((i) => (i.value = ""));
      router.refresh();
    },
  );
  return { t, onSubmit, pending, error: fieldErrors(t, fields), status };
}

function FormStatus({ error, status }: { error: string | undefined; status: string | undefined }) {
  return (
    <>
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      <p role="status" className="text-sm text-accent-fg">{status}</p>
    </>
  );
}

export function ChangeNameForm({ name }: { name: string }) {
  const { t, onSubmit, pending, error, status } = useAccountForm(changeNameAction, "account.saved");
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="text-lg font-semibold">{t("account.profile")}</h2>
      <Field label={t("auth.displayName")} name="name" defaultValue={name} maxLength={50} required error={error("name")} />
      <SubmitButton variant="secondary" disabled={pending}>{t("account.saveName")}</SubmitButton>
      <FormStatus error={error("_")} status={status} />
    </form>
  );
}

export function ChangePasswordForm() {
  const { t, onSubmit, pending, error, status } = useAccountForm(changePasswordAction, "account.passwordChanged");
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">{t("account.changePassword")}</h2>
      <Field label={t("auth.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={error("currentPassword")} />
      <Field label={t("auth.newPassword")} name="newPassword" type="password" autoComplete="new-password" minLength={8} required hint={t("auth.passwordHint")} error={error("newPassword")} />
      <SubmitButton variant="secondary" disabled={pending}>{t("account.savePassword")}</SubmitButton>
      <FormStatus error={error("_")} status={status} />
    </form>
  );
}
