import { getT } from "@/lib/i18n/server";
import type { AnswerOutcome } from "../data";

// Right and wrong in a symbol and a word, never by colour alone.

const outcomeStyle: Record<AnswerOutcome, { symbol: string; tone: string }> = {
  correct: { symbol: "✓", tone: "text-green-800 dark:text-green-300" },
  partial: { symbol: "◐", tone: "text-amber-800 dark:text-amber-300" },
  wrong: { symbol: "✗", tone: "text-red-800 dark:text-red-300" },
  none: { symbol: "—", tone: "text-slate-700 dark:text-slate-300" },
};

export async function OutcomeMark({ outcome }: { outcome: AnswerOutcome }) {
  const { t } = await getT();
  const { symbol, tone } = outcomeStyle[outcome];
  return (
    <span className={`font-semibold ${tone}`}>
      <span aria-hidden="true">{symbol} </span>
      {t(`reports.student.outcome.${outcome}`)}
    </span>
  );
}

/** Mastery goal met (✓ 达标), not met (✗ 未达标), or no goal set. */
export async function MasteryMark({ met }: { met: boolean | null }) {
  const { t } = await getT();
  if (met === null) return <span>{t("reports.students.noGoal")}</span>;
  return (
    <span className={met ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300"}>
      <span aria-hidden="true">{met ? "✓" : "✗"} </span>
      {t(met ? "reports.students.met" : "reports.students.notMet")}
    </span>
  );
}
