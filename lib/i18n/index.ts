import { en } from "./messages/en";
import { zhCN, type Messages } from "./messages/zh-CN";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Dotted keys of the catalogue that lead to strings, e.g. "auth.email". */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translator over one catalogue; `{name}` placeholders are filled from `vars`. */
export function translator(messages: Messages): Translate {
  return (key, vars) => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
    const template = typeof node === "string" ? node : key;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
  };
}

/** Looks up a key that arrives at run time (an error code from the server); falls back to the key. */
export function translateDynamic(t: Translate, key: string, fallback: MessageKey): string {
  const text = t(key as MessageKey);
  return text === key ? t(fallback) : text;
}

/** A form's field keys as text: `error(name)` is the message for that field, if it has one. */
export function fieldErrors(t: Translate, fields: Record<string, string>): (name: string) => string | undefined {
  return (name) => (fields[name] ? translateDynamic(t, fields[name], "errors.INVALID_INPUT") : undefined);
}
