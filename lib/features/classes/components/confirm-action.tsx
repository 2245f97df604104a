"use client";
import { useRef, useState, useTransition } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/errors";
import { Button } from "@/lib/ui/button";

interface ConfirmActionProps {
  action: (form: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  /** Names the target for screen readers when several such buttons share a page ("Remove 王芳"). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
}

/**
 * A button that asks before it acts, in place (no browser dialog): the question and
 * Confirm/Cancel replace it. Escape or Cancel puts the button back and focus on it.
 */
export function ConfirmAction({ action, fields, label, ariaLabel, question, confirmLabel }: ConfirmActionProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const opener = useRef<HTMLButtonElement>(null);

  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const confirm = () =>
    start(async () => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      const result = await action(form);
      setAsking(false);
      setError(result.ok ? undefined : translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
    });

  if (!asking) {
    return (
      <div className="flex flex-col gap-1">
        <Button ref={opener} type="button" variant="secondary" aria-label={ariaLabel} onClick={() => setAsking(true)}>
          {label}
        </Button>
        {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      </div>
    );
  }
  return (
    <div role="group" aria-label={question} className="flex flex-col gap-2" onKeyDown={(e) => e.key === "Escape" && cancel()}>
      <p className="font-medium">{question}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" autoFocus disabled={pending} onClick={confirm}>
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={cancel}>
          {t("classes.cancel")}
        </Button>
      </div>
    </div>
  );
}
