import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import type { AssignmentView } from "../schema";

interface Props {
  assignment: Pick<AssignmentView, "opensAt" | "dueAt" | "attemptsAllowed" | "timeLimitMinutes" | "masteryGoal" | "feedback" | "answerKey" | "attemptMode">;
  questionTotal: number;
  /** The zone times are shown in (named beside each time). */
  timeZone: string;
  /** A student's extra minutes, shown with the time limit. */
  extraMinutes?: number;
}

const row = "flex flex-col gap-0.5 sm:flex-row sm:gap-3";
const term = "text-sm text-muted sm:w-32 sm:shrink-0";

/** The rules of an assignment at a glance: when, how long, how many tries, what feedback. */
export async function AssignmentFacts({ assignment: a, questionTotal, timeZone, extraMinutes = 0 }: Props) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  const when = (d: Date) => formatInZone(d, timeZone, locale, viewer);
  const facts: [string, string][] = [
    [t("assignments.facts.opens"), when(a.opensAt)],
    [t("assignments.facts.due"), when(a.dueAt)],
    [t("assignments.facts.questions"), t("assignments.facts.questionCount", { n: questionTotal })],
    [
      t("assignments.facts.timeLimit"),
      a.timeLimitMinutes === null
        ? t("assignments.facts.noTimeLimit")
        : extraMinutes > 0
          ? t("assignments.facts.minutesWithExtra", { n: a.timeLimitMinutes, extra: extraMinutes })
          : t("assignments.facts.minutes", { n: a.timeLimitMinutes }),
    ],
    [t("assignments.facts.attempts"), String(a.attemptsAllowed)],
    [t("assignments.facts.feedback"), t(`assignments.feedback.${a.feedback}`)],
    [t("assignments.facts.answerKey"), t(`assignments.answerKey.${a.answerKey}`)],
  ];
  if (a.attemptsAllowed > 1) facts.push([t("assignments.facts.attemptMode"), t(`assignments.attemptMode.${a.attemptMode}`)]);
  if (a.masteryGoal !== null) facts.push([t("assignments.facts.masteryGoal"), `${Math.round(a.masteryGoal * 100)}%`]);
  return (
    <dl className="flex flex-col gap-2 rounded-lg border border-line p-3">
      {facts.map(([label, value]) => (
        <div key={label} className={row}>
          <dt className={term}>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
