"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { acceptAnswerAction } from "../actions";

/**
 * The teacher's decision on a student's answer: accept it for this student, or (typed answers)
 * for everyone who gave it; scores are recomputed on the server and the page re-read.
 */
export function AcceptAnswer({ attemptId, questionId, forEveryone }: { attemptId: string; questionId: string; forEveryone: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function accept(scope: "student" | "everyone") {
    setPending(true);
    setError(undefined);
    try {
      const result = await acceptAnswerAction({ attemptId, questionId, scope });
      if (result.ok) router.refresh();
      else setError(translateDynamic(t, Object.values(result.fields ?? {})[0] ?? `errors.${result.code}`, "errors.INVALID_INPUT"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => accept("student")}>
          {t("reports.accept.student")}
        </Button>
        {forEveryone && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => accept("everyone")}>
            {t("reports.accept.everyone")}
          </Button>
        )}
      </div>
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
    </div>
  );
}
