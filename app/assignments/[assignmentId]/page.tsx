import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { AssignmentFacts } from "@/lib/features/assignments/components/assignment-facts";
import { AttemptResults, LatestReview } from "@/lib/features/assignments/components/attempt-results";
import { StartAttemptButton } from "@/lib/features/assignments/components/start-attempt";
import { StatusBadge } from "@/lib/features/assignments/components/status-badge";
import { TakeAssignment } from "@/lib/features/assignments/components/take-assignment";
import { getTakeView } from "@/lib/features/assignments/data";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getSettings } from "@/lib/features/study/data";
import { formatInZone } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

type Props = { params: Promise<{ assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.title") };
}

/** A student's assignment: start it, take it (resumed after a reload), and see the results. */
export default async function TakeAssignmentPage({ params }: Props) {
  const { assignmentId } = await params;
  const user = await requireUser({ returnTo: `/assignments/${assignmentId}` });
  const now = new Date();
  const [view, settings] = await Promise.all([orNotFound(getTakeView(db(), user.id, assignmentId, now)), getSettings(db(), user.id)]);
  const { t, locale } = await getT();
  const { assignment: a, open, questionTotal } = view;

  return (
    <div className="flex flex-col gap-4">
      <Link href="/assignments" className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{t("assignments.title")}</Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{a.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-fg-soft">
          {a.className}
          <StatusBadge status={view.status} label={t(`assignments.status.${view.status}`)} />
        </p>
      </div>
      {open ? (
        <TakeAssignment attempt={open} feedback={a.feedback} serverNow={now.toISOString()} />
      ) : (
        <>
          <AttemptResults view={view} timeZone={settings.timeZone} />
          <AssignmentFacts assignment={{ ...a, dueAt: a.effectiveDueAt }} questionTotal={questionTotal} timeZone={settings.timeZone} extraMinutes={a.extraMinutes} />
          <p className="text-sm text-muted">
            {t("assignments.student.attemptsUsed", { used: view.attemptsUsed, allowed: a.attemptsAllowed })}
          </p>
          {view.startRefusal === "notOpen" && <p className="rounded-lg border border-line-strong p-3">{t("assignments.student.opensLine", { at: formatInZone(a.opensAt, settings.timeZone, locale, settings.timeZone) })}</p>}
          {view.startRefusal === "noAttemptsLeft" && <p>{t("assignments.student.noAttemptsLeft")}</p>}
          {view.startRefusal === null && (
            <>
              {now > a.effectiveDueAt && <p className="text-warn">{t("assignments.student.lateWarning")}</p>}
              {a.timeLimitMinutes !== null && <p>{t("assignments.student.timeLimitWarning", { n: a.timeLimitMinutes + a.extraMinutes })}</p>}
              <StartAttemptButton
                assignmentId={a.id}
                label={view.attemptsUsed === 0 ? t("assignments.student.start") : t("assignments.student.startAgain", { n: view.attemptsUsed + 1 })}
              />
            </>
          )}
          <LatestReview view={view} />
        </>
      )}
    </div>
  );
}
