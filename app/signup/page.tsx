import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/lib/features/account/components/sign-up-form";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ t }, user, { callbackUrl }] = await Promise.all([getT(), getOptionalUser(), searchParams]);
  if (user) redirect("/");
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("auth.signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        {t("auth.haveAccount")}{" "}
        <Link href="/signin" className="inline-block py-2 font-medium text-teal-800 underline dark:text-teal-300">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
