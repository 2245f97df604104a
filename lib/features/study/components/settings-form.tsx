"use client";
import { useState } from "react";
import type { LearnerSettings } from "@/lib/core/schedule/settings";
import { fieldErrors } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { useActionForm } from "@/lib/ui/use-action-form";
import { saveSettingsAction } from "../actions";

export function SettingsForm({ settings }: { settings: LearnerSettings }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>();
  const { fields, pending, onSubmit } = useActionForm(
    (form) => {
      setStatus(undefined);
      return saveSettingsAction(new FormData(form));
    },
    () => setStatus(t("settings.saved")),
  );
  const error = fieldErrors(t, fields);

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t("settings.retention")} name="desiredRetention" type="number" step="0.01" min="0.7" max="0.97" inputMode="decimal" defaultValue={settings.desiredRetention} hint={t("settings.retentionHint")} error={error("desiredRetention")} />
      <Field label={t("settings.newPerDay")} name="newPerDay" type="number" min="0" inputMode="numeric" defaultValue={settings.newPerDay} error={error("newPerDay")} />
      <Field label={t("settings.reviewsPerDay")} name="reviewsPerDay" type="number" min="0" inputMode="numeric" defaultValue={settings.reviewsPerDay} error={error("reviewsPerDay")} />
      <Field label={t("settings.timeZone")} name="timeZone" defaultValue={settings.timeZone} autoComplete="off" error={error("timeZone")} />
      <Field label={t("settings.dayStartHour")} name="dayStartHour" type="number" min="0" max="23" inputMode="numeric" defaultValue={settings.dayStartHour} error={error("dayStartHour")} />
      <Field label={t("settings.examDate")} name="examDate" type="date" defaultValue={settings.examDate ?? ""} error={error("examDate")} />
      {error("_") && <p role="alert" className="text-sm text-bad">{error("_")}</p>}
      <SubmitButton disabled={pending}>{t("settings.save")}</SubmitButton>
      <p role="status" className="text-sm text-accent-fg">{status}</p>
    </form>
  );
}
