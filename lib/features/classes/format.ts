import type { Locale } from "@/lib/i18n";

/** A date as the reader's calendar day, in their time zone (not the server's). */
export function formatDay(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}
