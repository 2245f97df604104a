"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { translateDynamic, type MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/errors";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { changeNameAction, changePasswordAction } from "../actions";

/** Shared state of a small form posting to a server action: field errors and a saved notice. */
function useActionForm(action: (form: FormData) => Promise<ActionResult>, done: MessageKey) {
  const { t } = useI18n();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const result = await action(new FormData(formElement));
    if (result.ok) {
      setFields({});
      setStatus(t(done));
      formElement.querySelectorAll<HTMLInputElement>("input[type=password]").forEach((i) => (i.value = ""));
      router.refresh();
    } else {
      setStatus(undefined);
      setFields(result.fields ?? { _: `errors.${result.code}` });
    }
  }
  const error = (name: string) => (fields[name] ? translateDynamic(t, fields[name], "errors.INVALID_INPUT") : undefined);
  return { t, onSubmit, error, status };
}

export function ChangeNameForm({ name }: { name: string }) {
  const { t, onSubmit, error, status } = useActionForm(changeNameAction, "account.saved");
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="text-lg font-semibold">{t("account.profile")}</h2>
      <Field label={t("auth.displayName")} name="name" defaultValue={name} maxLength={50} required error={error("name")} />
      <SubmitButton variant="secondary">{t("account.saveName")}</SubmitButton>
      <p role="status" className="text-sm text-accent-fg">{status}</p>
    </form>
  );
}

export function ChangePasswordForm() {
  const { t, onSubmit, error, status } = useActionForm(changePasswordAction, "account.passwordChanged");
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">{t("account.changePassword")}</h2>
      <Field label={t("auth.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={error("currentPassword")} />
      <Field label={t("auth.newPassword")} name="newPassword" type="password" autoComplete="new-password" minLength={8} required hint={t("auth.passwordHint")} error={error("newPassword")} />
      <SubmitButton variant="secondary">{t("account.savePassword")}</SubmitButton>
      <p role="status" className="text-sm text-accent-fg">{status}</p>
    </form>
  );
}
