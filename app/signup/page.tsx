import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/lib/features/account/components/sign-up-form";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ t }, user, { callbackUrl }] = await Promise.all([getT(), getOptionalUser(), searchParams]);
  if (user) redirect("/");
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("auth.signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        {t("auth.haveAccount")}{" "}
        <Link href="/signin" className="inline-flex min-h-11 min-w-11 items-center font-medium text-accent-fg underline">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
