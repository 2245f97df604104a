"use client";
import { useRef, useState, useTransition } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/errors";
import { Button } from "@/lib/ui/button";

interface ConfirmActionProps {
  action: (form: FormData) => Promise<ActionResult>;
  /** Sent as the action's form data. */
  fields?: Record<string, string>;
  label: string;
  /** Names the target for screen readers when several such buttons share a page ("Remove 王芳"). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  /** After success, e.g. to leave a page whose subject was deleted; otherwise focus returns to the button. */
  onDone?: () => void;
}

/**
 * A button that asks before it acts, in place (no browser dialog): the question and
 * Confirm/Cancel replace it, focus on Confirm. Escape or Cancel puts the button back and focus
 * on it, and so does the action's end (the Confirm button that had focus is gone).
 */
export function ConfirmAction({ action, fields = {}, label, ariaLabel, question, confirmLabel, onDone }: ConfirmActionProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const confirm = () =>
    start(async () => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      let result: ActionResult;
      try {
        result = await action(form);
      } catch {
        setError(t("errors.network"));
        close();
        return;
      }
      if (result.ok && onDone) return onDone();
      // A refusal with a reason (a field's key) says it; otherwise the code's message.
      const key = result.ok ? undefined : (Object.values(result.fields ?? {})[0] ?? `errors.${result.code}`);
      setError(key && translateDynamic(t, key, "errors.INVALID_INPUT"));
      close();
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
    <div role="group" aria-label={question} className="flex flex-col gap-2" onKeyDown={(e) => e.key === "Escape" && close()}>
      <p className="font-medium">{question}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" autoFocus disabled={pending} onClick={confirm}>
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={close}>
          {t("classes.cancel")}
        </Button>
      </div>
    </div>
  );
}
