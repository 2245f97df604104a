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

/**
 * A translator over one catalogue; `{name}` placeholders are filled from `vars`, and
 * `{n, plural, one {# fact} other {# facts}}` (ICU's plural, with `=N` exact cases) picks a form
 * by the catalogue language's plural rules, `#` standing for the number.
 */
export function translator(messages: Messages): Translate {
  const locale = locales.find((l) => catalogues[l] === messages) ?? defaultLocale;
  const plurals = new Intl.PluralRules(locale);
  return (key, vars) => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
    const template = typeof node === "string" ? node : key;
    return vars ? fill(template, vars, plurals) : template;
  };
}

/** The index of the brace closing the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;

function fill(template: string, vars: Record<string, string | number>, plurals: Intl.PluralRules, hash?: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === "#" && hash !== undefined) out += hash;
    else if (ch !== "{") out += ch;
    else {
      const end = closing(template, i);
      if (end < 0) return out + template.slice(i);
      const body = template.slice(i + 1, end);
      const plural = PLURAL.exec(body);
      if (plural) out += pluralForm(body.slice(plural[0].length), vars[plural[1]!], vars, plurals) ?? `{${body}}`;
      else out += /^\w+$/.test(body) && vars[body] !== undefined ? String(vars[body]) : `{${body}}`;
      i = end;
    }
  }
  return out;
}

/** The chosen branch of a plural's `selector {text}` list, filled; undefined if the count is missing. */
function pluralForm(branches: string, count: string | number | undefined, vars: Record<string, string | number>, plurals: Intl.PluralRules): string | undefined {
  const n = Number(count);
  if (count === undefined || Number.isNaN(n)) return undefined;
  const forms = new Map<string, string>();
  for (let i = 0; i < branches.length; ) {
    const m = /^\s*(=?\w+)\s*\{/.exec(branches.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = closing(branches, open);
    if (end < 0) break;
    forms.set(m[1]!, branches.slice(open + 1, end));
    i = end + 1;
  }
  const form = forms.get(`=${n}`) ?? forms.get(plurals.select(n)) ?? forms.get("other");
  return form === undefined ? undefined : fill(form, vars, plurals, String(count));
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
