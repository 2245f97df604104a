import "server-only";
import { cookies } from "next/headers";
import { defaultLocale, isLocale, LOCALE_COOKIE, messagesFor, translator, type Locale } from "./index";

/**
 * The UI language: the cookie set by the language switch, else zh-CN. The browser's
 * Accept-Language is deliberately not consulted: zh-CN is the product's default for everyone.
 */
export async function getLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : defaultLocale;
}

export async function getT() {
  const locale = await getLocale();
  return { locale, t: translator(messagesFor(locale)) };
}
