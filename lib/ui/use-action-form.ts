"use client";
import { useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/server/errors";

/** Field name → message key; `_` is the form's own error (no field). */
export type FieldKeys = Record<string, string>;

/**
 * The submit handling of a form posting to a server action: one request at a time (a double tap
 * sent the same change twice; a password change then failed its own check against the old
 * password and said so), the refusal's field keys, a lost connection as `errors.network`.
 * `onOk` runs after success with the form, e.g. to clear password fields or navigate.
 */
export function useActionForm<T>(submit: (form: HTMLFormElement) => Promise<ActionResult<T>>, onOk?: (data: T, form: HTMLFormElement) => void | Promise<void>) {
  const [fields, setFields] = useState<FieldKeys>({});
  const [pending, setPending] = useState(false);
  // A ref, not the state: a second tap can arrive before the re-render that disables the button.
  const busy = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    const form = event.currentTarget;
    try {
      const result = await submit(form);
      if (result.ok) {
        setFields({});
        await onOk?.(result.data, form);
      } else {
        setFields(result.fields ?? { _: `errors.${result.code}` });
      }
    } catch {
      setFields({ _: "errors.network" });
    } finally {
      busy.current = false;
      setPending(false);
    }
  }
  return { fields, setFields, pending, onSubmit };
}
