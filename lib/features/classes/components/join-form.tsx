"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { joinClassAction } from "../actions";
import { JOIN_CODE_LENGTH } from "../join-code";

/**
 * Joins a class and opens it (saying so, when the student was not in it yet). With `code` (the join link) it is only the Join button;
 * without, the student types the code.
 */
export function JoinForm({ code }: { code?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await joinClassAction(new FormData(event.currentTarget));
    if (result.ok) {
      // The class page confirms a new membership ("已加入 …").
      router.push(`/classes/${result.data.classId}${result.data.alreadyMember ? "" : "?joined=1"}`);
      return;
    }
    setPending(false);
    setError(translateDynamic(t, result.fields?.code ?? `errors.${result.code}`, "errors.INVALID_INPUT"));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {code === undefined ? (
        <Field
          label={t("classes.join.code")}
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          // Room for a typed space or dash, which are ignored.
          maxLength={JOIN_CODE_LENGTH + 2}
          hint={t("classes.join.codeHint")}
          error={error}
        />
      ) : (
        <input type="hidden" name="code" value={code} />
      )}
      {code !== undefined && error && <p role="alert" className="text-bad">{error}</p>}
      <SubmitButton disabled={pending}>
        {pending ? t("classes.join.working") : t("classes.join.submit")}
      </SubmitButton>
    </form>
  );
}
