import { Link } from "@/lib/ui/link";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";
import { buttonClass } from "@/lib/ui/button";

export default async function HomePage() {
  const [{ t }, user] = await Promise.all([getT(), getOptionalUser()]);
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("app.tagline")}</h1>
        {user && <p className="text-lg">{t("home.welcome", { name: user.name })}</p>}
        <p className="text-fg-soft">{t("app.description")}</p>
        <div className="flex flex-wrap gap-3">
          {user && (
            <Link href="/study" className={buttonClass("primary")}>
              {t("home.ctaStudy")}
            </Link>
          )}
          <Link href="/decks" className={buttonClass(user ? "secondary" : "primary")}>
            {t("home.ctaDecks")}
          </Link>
          {!user && (
            <Link href="/signup" className={buttonClass("secondary")}>
              {t("home.ctaSignUp")}
            </Link>
          )}
        </div>
      </section>
      <section aria-labelledby="features" className="flex flex-col gap-2">
        <h2 id="features" className="text-lg font-semibold">{t("home.featuresTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-fg-soft">
          <li>{t("home.featureBank")}</li>
          <li>{t("home.featureMemory")}</li>
          <li>{t("home.featureClasses")}</li>
        </ul>
      </section>
    </div>
  );
}
