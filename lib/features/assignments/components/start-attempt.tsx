"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { startAttemptAction } from "../actions";

/** Starts (or resumes) an attempt; the page then shows it from the server. */
export function StartAttemptButton({ assignmentId, label }: { assignmentId: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function start() {
    setPending(true);
    setError(undefined);
    try {
      const result = await startAttemptAction(assignmentId);
      if (result.ok) return router.refresh();
      const key = result.fields?.attempt ?? `errors.${result.code}`;
      setError(translateDynamic(t, key, "errors.INVALID_INPUT"));
      setPending(false);
    } catch {
      setError(t("errors.network"));
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" disabled={pending} onClick={() => void start()}>
        {label}
      </Button>
      {error && <p role="alert" className="text-bad">{error}</p>}
    </div>
  );
}
