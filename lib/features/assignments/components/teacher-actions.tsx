"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/errors";
import { ConfirmAction } from "@/lib/features/classes/components/confirm-action";
import { Button } from "@/lib/ui/button";
import { changeDraftQuestionAction, deleteAssignmentAction, publishAssignmentAction } from "../actions";

/** Runs an action and goes to `next` on success; a refusal or a lost connection is shown. */
function useRunAndGo(next: string) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function run(action: () => Promise<ActionResult>) {
    setPending(true);
    setError(undefined);
    try {
      const result = await action();
      if (result.ok) {
        router.push(next);
        router.refresh();
        return;
      }
      const key = Object.values(result.fields ?? {})[0] ?? `errors.${result.code}`;
      setError(translateDynamic(t, key, "errors.INVALID_INPUT"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setPending(false);
    }
  }
  return { t, pending, error, run };
}

function ErrorText({ text }: { text: string | undefined }) {
  return text ? <p role="alert" className="text-sm text-bad">{text}</p> : null;
}

/** Publishes the questions the teacher is looking at (the fingerprint guards against a changed bank). */
export function PublishButton({ assignmentId, fingerprint, next }: { assignmentId: string; fingerprint: string; next: string }) {
  const { t, pending, error, run } = useRunAndGo(next);
  return (
    <div className="flex flex-col gap-2">
      <Button type="button" disabled={pending} onClick={() => run(() => publishAssignmentAction({ assignmentId, fingerprint }))}>
        {t("assignments.publish")}
      </Button>
      <ErrorText text={error} />
    </div>
  );
}

/** A draft question's buttons in the preview: ask it another way, another fact, or remove it. */
export function DraftQuestionActions({ assignmentId, questionId, n, next }: { assignmentId: string; questionId: string; n: number; next: string }) {
  const { t, pending, error, run } = useRunAndGo(next);
  const changes = [
    ["facet", t("assignments.preview.swapFacet")],
    ["fact", t("assignments.preview.swapFact")],
    ["drop", t("assignments.preview.drop")],
  ] as const;
  return (
    <div role="group" aria-label={t("assignments.preview.changeQuestion", { n })} className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {changes.map(([change, label]) => (
          <Button key={change} type="button" variant="secondary" disabled={pending} onClick={() => run(() => changeDraftQuestionAction({ assignmentId, questionId, change }))}>
            {label}
          </Button>
        ))}
      </div>
      <ErrorText text={error} />
    </div>
  );
}

/** Deletes after a second, explicit press; then goes to `next`. */
export function DeleteButton({ assignmentId, next }: { assignmentId: string; next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <ConfirmAction
      action={() => deleteAssignmentAction(assignmentId)}
      label={t("assignments.delete")}
      question={t("assignments.deleteConfirm")}
      confirmLabel={t("assignments.deleteYes")}
      onDone={() => {
        router.push(next);
        router.refresh();
      }}
    />
  );
}
