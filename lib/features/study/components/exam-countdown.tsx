import { daysBetween, learnerDay, type LearnerSettings } from "@/lib/core/schedule";
import type { Locale, Translate } from "@/lib/i18n";

/** The exam date as the learner sees it: month and day, the year only when it is not this one. */
function examDay(key: string, todayKey: string, locale: Locale): string {
  const sameYear = key.slice(0, 4) === todayKey.slice(0, 4);
  // A day key is a calendar date, not an instant: formatted at UTC midnight, in UTC.
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(
    new Date(`${key}T00:00:00Z`),
  );
}

/** "考试：6月7日，还有 12 天" under the learner's settings; nothing without an exam date, or after it. */
export function ExamCountdown({ settings, now, locale, t }: { settings: LearnerSettings; now: Date; locale: Locale; t: Translate }) {
  if (!settings.examDate) return null;
  const today = learnerDay(now, settings.timeZone, settings.dayStartHour).key;
  const days = daysBetween(today, settings.examDate);
  if (days < 0) return null;
  const date = examDay(settings.examDate, today, locale);
  return (
    <p data-testid="exam-countdown" className="text-sm text-fg-soft">
      {days === 0 ? t("exam.today", { date }) : t("exam.countdown", { date, n: days })}
    </p>
  );
}
