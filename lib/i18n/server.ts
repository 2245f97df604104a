import "server-only";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, messagesFor, translator, type Locale } from "./index";

/**
 * The UI language: the cookie set by the language switch, else zh-CN. The browser's
 * Accept-Language only picks English when it prefers English over Chinese and no cookie is set.
 */
export async function getLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const accept = (await headers()).get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : defaultLocale;
}

export async function getT() {
  const locale = await getLocale();
  return { locale, t: translator(messagesFor(locale)) };
}
