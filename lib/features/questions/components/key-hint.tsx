"use client";
import type { QuestionForm } from "@/lib/core/generate/types";
import { useI18n } from "@/lib/i18n/client";

/**
 * The keys that work for this question now: numbers for choices (mc, tf, multi), Enter to submit,
 * then Enter for the next. Shown only with a fine pointer (a mouse): a phone or tablet user
 * taps, and most have no keyboard.
 */
export function KeyHint({ form, choices, answered }: { form: QuestionForm; choices: number; answered: boolean }) {
  const { t } = useI18n();
  const text = answered
    ? t("practice.keys.next")
    : form === "mc" || form === "tf"
      ? t("practice.keys.choose", { n: choices })
      : form === "multi"
        ? t("practice.keys.toggle", { n: choices })
        : t("practice.keys.submit");
  return (
    <p className="hidden text-sm text-muted pointer-fine:block" data-testid="key-hint">
      {text}
    </p>
  );
}
