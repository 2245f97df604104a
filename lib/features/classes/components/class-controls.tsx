"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { regenerateJoinCodeAction, setClassArchivedAction } from "../actions";
import { ConfirmAction } from "./confirm-action";

/** The teacher's class settings: a new join code (asks first: the old one stops working), archive. */
export function ClassControls({ classId, archived }: { classId: string; archived: boolean }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const toggleArchived = () =>
    start(async () => {
      const form = new FormData();
      form.set("classId", classId);
      form.set("archived", String(!archived));
      const result = await setClassArchivedAction(form);
      setError(result.ok ? undefined : translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
    });
  // Disabled while pending, the button lost focus: give it back once it is enabled (with its
  // label switched), so a keyboard user stays where they were.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) button.current?.focus();
    wasPending.current = pending;
  }, [pending]);
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
      {!archived && (
        <ConfirmAction
          action={regenerateJoinCodeAction}
          fields={{ classId }}
          label={t("classes.page.regenerate")}
          question={t("classes.page.regenerateQuestion")}
          confirmLabel={t("classes.page.confirmRegenerate")}
        />
      )}
      <div className="flex flex-col gap-1">
        <Button ref={button} type="button" variant="secondary" disabled={pending} onClick={toggleArchived}>
          {archived ? t("classes.page.unarchive") : t("classes.page.archive")}
        </Button>
        {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      </div>
    </div>
  );
}
