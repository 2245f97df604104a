"use client";
import { useEffect, type RefObject } from "react";

/**
 * Enter submits the answer form wherever the focus is (the question, a choice picked with a
 * number key, the page), not only in a text box. Left alone where Enter means something of its
 * own (a button, link, select, text box: those submit or act natively) and for a held key.
 */
export function useEnterSubmits(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || event.repeat || event.isComposing || event.defaultPrevented) return;
      const target = event.target;
      const el = form.current;
      if (!el || !(target instanceof Element)) return;
      if (target.closest("button, a, select, textarea, summary, [contenteditable]")) return;
      if (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type)) return;
      // Inside this form, or nowhere in particular (the page body).
      if (!el.contains(target) && target !== document.body) return;
      event.preventDefault();
      el.requestSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [form]);
}
