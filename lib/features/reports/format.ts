import type { QuestionForm } from "@/lib/core/generate/types";
import type { OptionCount } from "@/lib/core/reports";
import { answerLabel } from "@/lib/features/questions/format";
import type { Translate } from "@/lib/i18n";

// Numbers as the report pages show them; CSV cells keep one more decimal (percentValue).

/** A share as a whole percent: "67%"; null as "—". */
export function percent(t: Translate, share: number | null): string {
  return share === null ? t("reports.none") : t("reports.percent", { n: Math.round(share * 100) });
}

/** A share as a percent with one decimal, for CSV cells. */
export function percentValue(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Discrimination to two decimals with a real minus sign; null as "—". */
export function discrimination(t: Translate, value: number | null): string {
  if (value === null) return t("reports.none");
  const fixed = Math.abs(value).toFixed(2);
  return value < -0.005 ? `−${fixed}` : fixed;
}

/** A time taken: "45 秒", "12 分 30 秒", "1 小时 5 分"; null as "—". */
export function duration(t: Translate, ms: number | null): string {
  if (ms === null) return t("reports.none");
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return t("reports.duration.hours", { h, m });
  if (m > 0) return t("reports.duration.minutes", { m, s });
  return t("reports.duration.seconds", { s });
}

/** An option or response with its count, the correct one marked: "True (correct answer): 3". */
export function optionCount(t: Translate, form: QuestionForm, o: OptionCount): string {
  const option = answerLabel(t, form, o.option);
  return t("reports.questions.optionCount", { option: o.correct ? t("reports.questions.correctOption", { option }) : option, count: o.count });
}
