import { Link } from "@/lib/ui/link";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";
import { buttonClass } from "@/lib/ui/button";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const [{ t }, user] = await Promise.all([getT(), getOptionalUser()]);
  const link = "flex min-h-11 min-w-11 items-center rounded-lg px-3 hover:bg-sunken focus-visible:outline-2 focus-visible:outline-focus";
  return (
    <header className="border-b border-line bg-raised/90">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-1 px-3 py-1">
        <Link href="/" className={`${link} font-semibold text-accent-fg`}>
          {t("app.name")}
        </Link>
        {/* On a phone the links take a line of their own under the name and the account controls
            (in English they wrapped into a third line); in one line from `sm` up. */}
        <nav aria-label={t("nav.main")} className="order-last flex w-full items-center sm:order-none sm:w-auto">
          <Link href="/decks" className={link}>
            {t("nav.decks")}
          </Link>
          <Link href="/study" className={link}>
            {t("nav.study")}
          </Link>
          {user?.role === "student" && (
            <Link href="/assignments" className={link}>
              {t("nav.assignments")}
            </Link>
          )}
          {user && (
            <Link href="/classes" className={link}>
              {t("nav.classes")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <LanguageSwitch />
          {user ? (
            <UserMenu name={user.name} />
          ) : (
            <Link href="/signin" className={buttonClass("secondary", "text-sm")}>
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
