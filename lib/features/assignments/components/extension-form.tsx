"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrors } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { useActionForm } from "@/lib/ui/use-action-form";
import { setExtensionAction } from "../actions";
import { MAX_MINUTES } from "../schema";

interface Props {
  assignmentId: string;
  userId: string;
  studentName: string;
  extraMinutes: number;
  /** datetime-local text in the assignment's zone, or "". */
  dueAt: string;
  timeZone: string;
}

/** A student's extra minutes per attempt and later due date; zero and blank remove them. */
export function ExtensionForm({ assignmentId, userId, studentName, extraMinutes, dueAt, timeZone }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const { fields, pending, onSubmit } = useActionForm(
    (form) => {
      const data = new FormData(form);
      setStatus(undefined);
      return setExtensionAction({ assignmentId, userId, extraMinutes: String(data.get("extraMinutes") ?? ""), dueAt: String(data.get("dueAt") ?? "") });
    },
    () => {
      setStatus(t("assignments.extension.saved"));
      router.refresh();
    },
  );
  const error = fieldErrors(t, fields);
  const idPrefix = `ext-${userId}`;

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("assignments.extension.for", { name: studentName })}>
      <Field
        id={`${idPrefix}-minutes`}
        label={t("assignments.extension.extraMinutes")}
        name="extraMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_MINUTES}
        defaultValue={extraMinutes || ""}
        hint={t("assignments.extension.extraMinutesHint")}
        error={error("extraMinutes")}
      />
      <Field
        id={`${idPrefix}-due`}
        label={t("assignments.extension.dueAt")}
        name="dueAt"
        type="datetime-local"
        defaultValue={dueAt}
        hint={t("assignments.extension.dueAtHint", { zone: timeZone })}
        error={error("dueAt")}
      />
      {error("_") && <p role="alert" className="text-sm text-bad">{error("_")}</p>}
      <SubmitButton variant="secondary" disabled={pending}>{t("assignments.extension.save")}</SubmitButton>
      <p role="status" className="text-sm text-accent-fg">{status}</p>
    </form>
  );
}
