"use client";
import { useTransition } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { resetCardAction, unsuspendCardAction } from "../actions";

export function LeechActions({ cardId, label }: { cardId: string; label: string }) {
  const { t } = useI18n();
  const [pending, start] = useTransition();
  const run = (action: (form: FormData) => Promise<unknown>) => {
    const form = new FormData();
    form.set("cardId", cardId);
    start(async () => {
      await action(form);
    });
  };
  return (
    <div className="flex gap-2">
      <Button variant="secondary" type="button" disabled={pending} onClick={() => run(unsuspendCardAction)} aria-label={`${t("leeches.unsuspend")}: ${label}`}>
        {t("leeches.unsuspend")}
      </Button>
      <Button variant="secondary" type="button" disabled={pending} onClick={() => run(resetCardAction)} aria-label={`${t("leeches.reset")}: ${label}`}>
        {t("leeches.reset")}
      </Button>
    </div>
  );
}
