"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { createClassAction } from "../actions";
import { CLASS_NAME_MAX } from "../schema";

export function CreateClassForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [nameError, setNameError] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await createClassAction(new FormData(event.currentTarget));
    if (result.ok) {
      router.push(`/classes/${result.data.classId}`);
      return;
    }
    setPending(false);
    // The server says which field is wrong; the words for it are ours.
    setNameError(result.fields?.name ? t("classes.new.nameError") : undefined);
    setError(result.fields?.name ? undefined : translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t("classes.new.name")} name="name" required maxLength={CLASS_NAME_MAX} autoComplete="off" hint={t("classes.new.nameHint")} error={nameError} />
      {error && <p role="alert" className="text-bad">{error}</p>}
      <SubmitButton disabled={pending}>
        {pending ? t("classes.new.working") : t("classes.new.submit")}
      </SubmitButton>
    </form>
  );
}
