"use client";
import { useEffect, useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";

/**
 * Copies `text` to the clipboard and says so for a moment. The clipboard needs a secure page
 * (https or localhost); elsewhere it says to copy by hand (the text is on screen beside it).
 */
export function CopyButton({ text, label }: { text: string; label: MessageKey }) {
  const { t } = useI18n();
  const [result, setResult] = useState<"copied" | "failed">();
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), 2500);
    return () => clearTimeout(timer);
  }, [result]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult("copied");
    } catch {
      setResult("failed");
    }
  }
  return (
    <span className="flex flex-col items-center gap-1">
      <Button type="button" variant="secondary" className="[:fullscreen_&]:hidden" onClick={copy}>
        {t(label)}
      </Button>
      <span role="status" className="text-sm text-muted [:fullscreen_&]:hidden">
        {result === "copied" ? t("classes.page.copied") : result === "failed" ? t("classes.page.copyFailed") : ""}
      </span>
    </span>
  );
}
