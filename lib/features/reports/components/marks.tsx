import { getT } from "@/lib/i18n/server";
import type { AnswerOutcome } from "../data";

// Right and wrong in a symbol and a word, never by colour alone.

const outcomeStyle: Record<AnswerOutcome, { symbol: string; tone: string }> = {
  correct: { symbol: "✓", tone: "text-ok" },
  partial: { symbol: "◐", tone: "text-warn" },
  wrong: { symbol: "✗", tone: "text-bad" },
  none: { symbol: "—", tone: "text-fg-soft" },
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
    <span className={met ? "text-ok" : "text-bad"}>
      <span aria-hidden="true">{met ? "✓" : "✗"} </span>
      {t(met ? "reports.students.met" : "reports.students.notMet")}
    </span>
  );
}
