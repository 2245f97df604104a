"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { importGuestAnswers } from "@/lib/features/study/guest-reviews";
import { signUpAction } from "../actions";
import { safeReturnPath } from "./sign-in-form";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string | undefined }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const fieldError = (name: string) => (fields[name] ? translateDynamic(t, fields[name], "errors.INVALID_INPUT") : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const result = await signUpAction(form);
    if (!result.ok) {
      setPending(false);
      setFields(result.fields ?? {});
      if (!result.fields) setError(translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
      return;
    }
    setFields({});
    await signIn("credentials", { email: result.data.email, password: String(form.get("password") ?? ""), redirect: false });
    // What the visitor answered in practice becomes their first reviews; a failure loses only that.
    await importGuestAnswers().catch(() => undefined);
    window.location.assign(safeReturnPath(callbackUrl));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required error={fieldError("email")} />
      <Field label={t("auth.displayName")} name="name" autoComplete="nickname" required maxLength={50} error={fieldError("name")} />
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("auth.passwordHint")}
        error={fieldError("password")}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("auth.role")}</legend>
        <div className="flex gap-3">
          {(["student", "teacher"] as const).map((role) => (
            <label key={role} className="flex min-h-11 min-w-11 flex-1 cursor-pointer items-center gap-2 rounded-lg border border-line-strong px-3 has-checked:border-accent has-checked:bg-accent-soft">
              <input type="radio" name="role" value={role} defaultChecked={role === "student"} className="size-5" />
              {role === "student" ? t("auth.roleStudent") : t("auth.roleTeacher")}
            </label>
          ))}
        </div>
        {fieldError("role") && <p role="alert" className="text-sm text-bad">{fieldError("role")}</p>}
      </fieldset>
      {error && <p role="alert" data-testid="form-error" className="text-bad">{error}</p>}
      <SubmitButton disabled={pending}>
        {pending ? t("auth.working") : t("auth.signUpSubmit")}
      </SubmitButton>
    </form>
  );
}
