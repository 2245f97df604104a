"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users away. */
export function safeReturnPath(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function SignInForm({ callbackUrl }: { callbackUrl?: string | undefined }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result?.ok) {
      // One message for an unknown email and a wrong password.
      setError(result?.error === "RATE_LIMITED" ? t("errors.RATE_LIMITED") : t("auth.invalidCredentials"));
      return;
    }
    // A full navigation: every server component (header included) renders with the new session.
    window.location.assign(safeReturnPath(callbackUrl));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" data-testid="form-error" className="rounded-lg border border-bad bg-bad-soft p-3 text-bad">
          {error}
        </p>
      )}
      <SubmitButton disabled={pending}>
        {pending ? t("auth.working") : t("auth.signInSubmit")}
      </SubmitButton>
    </form>
  );
}
