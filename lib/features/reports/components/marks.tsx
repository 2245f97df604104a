import { getT } from "@/lib/i18n/server";
import type { Mastery } from "@/lib/core/reports";
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

const masteryStyle: Record<Mastery, { symbol: string; tone: string }> = {
  met: { symbol: "✓", tone: "text-ok" },
  not_met: { symbol: "✗", tone: "text-bad" },
  // Nothing handed in: no score to judge, so neither mark (Moodle shows "—").
  not_attempted: { symbol: "—", tone: "text-fg-soft" },
};

/** Mastery goal met (✓ 达标), not met (✗ 未达标), nothing handed in (— 未交卷), or no goal set. */
export async function MasteryMark({ mastery }: { mastery: Mastery | null }) {
  const { t } = await getT();
  if (mastery === null) return <span>{t("reports.students.noGoal")}</span>;
  const { symbol, tone } = masteryStyle[mastery];
  return (
    <span className={tone}>
      <span aria-hidden="true">{symbol} </span>
      {t(`reports.mastery.${mastery}`)}
    </span>
  );
}
