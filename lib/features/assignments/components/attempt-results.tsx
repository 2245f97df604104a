import { bestScore } from "@/lib/core/assignments/status";
import { getViewerTimeZone } from "@/lib/features/account/viewer-zone";
import { formatInZone } from "@/lib/core/assignments/time";
import { getT } from "@/lib/i18n/server";
import type { TakeView } from "../schema";
import { AttemptReview } from "./attempt-review";

const percent = (share: number) => Math.round(share * 100);

/** The student's hand-ins with their scores, and the mastery goal. */
export async function AttemptResults({ view, timeZone }: { view: TakeView; timeZone: string }) {
  const [{ t, locale }, viewer] = await Promise.all([getT(), getViewerTimeZone()]);
  const { assignment: a, handedIn } = view;
  if (handedIn.length === 0) return null;
  const best = bestScore(handedIn);
  const latest = handedIn.at(-1);
  return (
    <section className="flex flex-col gap-4" aria-labelledby="results-heading">
      <h2 id="results-heading" className="text-lg font-semibold">{t("assignments.results.title")}</h2>
      {latest && (
        <p className="text-3xl font-bold tabular-nums" data-testid="score">
          {t("assignments.results.score", { score: percent(latest.score) })}
        </p>
      )}
      {a.masteryGoal !== null && best !== null && (
        <p>
          <span aria-hidden="true">{best >= a.masteryGoal ? "✓ " : "○ "}</span>
          {best >= a.masteryGoal
            ? t("assignments.results.goalMet", { goal: percent(a.masteryGoal) })
            : t("assignments.results.goalNotMet", { goal: percent(a.masteryGoal) })}
        </p>
      )}
      <ul className="flex flex-col gap-1 text-sm" data-testid="hand-ins">
        {handedIn.map((h) => (
          <li key={h.id}>
            {t("assignments.results.attemptLine", { n: h.number, score: percent(h.score), at: formatInZone(h.submittedAt, timeZone, locale, viewer) })}
            {h.late && ` · ${t("assignments.status.late")}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The latest hand-in question by question (after the start button: it can be long). */
export async function LatestReview({ view }: { view: TakeView }) {
  const { t } = await getT();
  if (!view.review) return null;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="review-heading">
      <h2 id="review-heading" className="text-lg font-semibold">{t("assignments.results.review", { n: view.review.attemptNumber })}</h2>
      {!view.review.keyShown && (
        <p className="text-sm text-muted" data-testid="key-withheld">
          {t("assignments.review.keyWithheld")}
        </p>
      )}
      <AttemptReview answers={view.review.answers} attemptId={view.review.attemptId} />
    </section>
  );
}
