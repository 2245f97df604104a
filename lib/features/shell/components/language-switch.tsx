"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { locales } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { setLocaleAction } from "../actions";

/** Shows the other language as a button; each label is in its own language. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other = locales.find((l) => l !== locale) ?? "zh-CN";
  return (
    <button
      type="button"
      lang={other}
      aria-label={`${t("language.switchTo")}: ${t(`language.${other}`)}`}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(other);
          router.refresh();
        })
      }
      className="min-h-11 min-w-11 rounded-lg px-3 text-sm font-medium text-fg-soft hover:bg-sunken focus-visible:outline-2 focus-visible:outline-focus"
      data-testid="language-switch"
    >
      {t(`language.${other}`)}
    </button>
  );
}
