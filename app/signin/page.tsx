import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS } from "@/lib/features/account/demo";
import { SignInForm } from "@/lib/features/account/components/sign-in-form";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const [{ t }, user, { callbackUrl, error }] = await Promise.all([getT(), getOptionalUser(), searchParams]);
  if (user) redirect("/");
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("auth.signInTitle")}</h1>
      {/* next-auth's error redirect (`pages.error`); its code is not shown, one message fits all. */}
      {error && (
        <p role="alert" data-testid="signin-error" className="rounded-lg border border-bad bg-bad-soft p-3 text-bad">
          {t("auth.signInIncomplete")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        {t("auth.noAccount")}{" "}
        <Link href={`/signup${query}`} className="inline-flex min-h-11 min-w-11 items-center font-medium text-accent-fg underline">
          {t("nav.signUp")}
        </Link>
      </p>
      {env().demo && (
        <section aria-labelledby="demo" className="rounded-lg border border-line p-3 text-sm">
          <h2 id="demo" className="font-semibold">{t("auth.demoTitle")}</h2>
          {DEMO_ACCOUNTS.map((a) => (
            <p key={a.email}>{t(a.role === "teacher" ? "auth.demoTeacher" : "auth.demoStudent", { email: a.email, password: a.password })}</p>
          ))}
        </section>
      )}
    </div>
  );
}
