import Link from "next/link";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS } from "@/lib/features/account/demo";
import { SignInForm } from "@/lib/features/account/components/sign-in-form";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";
import { env } from "@/lib/server/env";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ t }, user, { callbackUrl }] = await Promise.all([getT(), getOptionalUser(), searchParams]);
  if (user) redirect("/");
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("auth.signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        {t("auth.noAccount")}{" "}
        <Link href={`/signup${query}`} className="inline-block py-2 font-medium text-teal-800 underline dark:text-teal-300">
          {t("nav.signUp")}
        </Link>
      </p>
      {env().demo && (
        <section aria-labelledby="demo" className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
          <h2 id="demo" className="font-semibold">{t("auth.demoTitle")}</h2>
          {DEMO_ACCOUNTS.map((a) => (
            <p key={a.email}>{t(a.role === "teacher" ? "auth.demoTeacher" : "auth.demoStudent", { email: a.email, password: a.password })}</p>
          ))}
        </section>
      )}
    </div>
  );
}
