"use client";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { SubmitButton } from "@/lib/ui/submit-button";
import { AnswerInput, canSubmit, emptyResponse } from "@/lib/features/questions/components/answer-input";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { saveAnswerAction, submitAttemptAction } from "../actions";
import type { FeedbackMode, OpenAttempt, SavedAnswer } from "../schema";

interface Props {
  attempt: OpenAttempt;
  feedback: FeedbackMode;
  /** The server's clock when the page was made (ISO): the countdown follows it, not the device's. */
  serverNow: string;
}

const same = (a: AnswerResponse | undefined, b: AnswerResponse | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Milliseconds left before the deadline by the server's clock, ticking each second (null without
 * a limit); `onExpire` runs once when it reaches zero.
 */
function useRemaining(deadline: string | null, serverNow: string, onExpire: () => void): number | null {
  const [left, setLeft] = useState(() => (deadline ? Date.parse(deadline) - Date.parse(serverNow) : null));
  const expire = useEffectEvent(onExpire);
  useEffect(() => {
    if (!deadline) return;
    const offset = Date.parse(serverNow) - Date.now();
    let expired = false;
    const timer = setInterval(() => {
      const ms = Date.parse(deadline) - (Date.now() + offset);
      setLeft(ms);
      if (ms <= 0 && !expired) {
        expired = true;
        expire();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, serverNow]);
  return left;
}

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * Taking an attempt, one question at a time. Every answer is saved on the server before moving
 * on, so a reload (or another device) resumes here; a failed save keeps the answer on screen to
 * try again. The server enforces the time limit; the countdown hands in when it reaches zero.
 */
export function TakeAssignment({ attempt, feedback, serverNow }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const { questions } = attempt;
  // Keyed by item number: the attempt never names a question by its bank id.
  const [saved, setSaved] = useState<Record<number, SavedAnswer>>(() => Object.fromEntries(attempt.answers.map((a) => [a.item, a])));
  const [drafts, setDrafts] = useState<Record<number, AnswerResponse>>(() => Object.fromEntries(attempt.answers.map((a) => [a.item, a.response])));
  const [index, setIndex] = useState(() => {
    const next = questions.findIndex((q) => !attempt.answers.some((a) => a.item === q.item));
    return next === -1 ? questions.length : next;
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [closing, setClosing] = useState<string>();
  const shownAt = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    shownAt.current = Date.now();
    heading.current?.focus();
  }, [index]);

  /** The attempt is over (handed in here, or the server says so): show the results. */
  function finish(message: string) {
    setClosing(message);
    router.refresh();
  }

  async function handIn() {
    setPending(true);
    setError(undefined);
    try {
      const result = await submitAttemptAction(attempt.id);
      // Handed in already (another device, or the time ran out there): the results are ready either way.
      if (result.ok || result.code === "CONFLICT") finish(t("assignments.take.handedIn"));
      else setError(translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setPending(false);
    }
  }

  const remaining = useRemaining(attempt.deadline, serverNow, () => void handIn());
  const timeUp = remaining !== null && remaining <= 0;
  // Once the time is up only the hand-in remains (retried here if the automatic one failed).
  const question = timeUp ? undefined : questions[index];
  const answeredCount = questions.filter((q) => saved[q.item]).length;

  const go = (to: number) => {
    setError(undefined);
    setIndex(to);
  };

  async function save() {
    if (!question || pending) return;
    const response = drafts[question.item] ?? emptyResponse(question);
    const stored = saved[question.item];
    // Nothing new to send: move on.
    if (stored && (feedback === "each" || same(stored.response, response))) return go(index + 1);
    if (!canSubmit(question, response)) return;
    setPending(true);
    setError(undefined);
    try {
      const result = await saveAnswerAction({ attemptId: attempt.id, item: question.item, response, durationMs: Math.min(3_600_000, Date.now() - shownAt.current) });
      if (!result.ok) {
        const key = result.fields?.attempt;
        if (result.code === "CONFLICT" && key) return finish(translateDynamic(t, key, "errors.CONFLICT"));
        return setError(translateDynamic(t, `errors.${result.code}`, "errors.INVALID_INPUT"));
      }
      setSaved((s) => ({ ...s, [question.item]: { item: question.item, response, result: result.data.result } }));
      // With feedback after each question the result is shown first; "Next" moves on.
      if (feedback === "end") go(index + 1);
    } catch {
      setError(t("assignments.errors.saveFailed"));
    } finally {
      setPending(false);
    }
  }

  if (closing) {
    return (
      <p role="status" className="rounded-lg border border-line p-4">
        {closing}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-4" data-testid="attempt">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted" data-testid="answered-count">
          {t("assignments.take.answered", { n: answeredCount, total: questions.length })}
        </p>
        {remaining !== null && (
          <p role="timer" aria-label={t("assignments.take.timeLeft")} className={`font-mono text-base tabular-nums ${remaining < 60_000 ? "font-bold text-bad" : ""}`}>
            <span aria-hidden="true">⏱ </span>
            {t("assignments.take.timeLeftValue", { time: clock(remaining) })}
          </p>
        )}
      </div>

      <nav aria-label={t("assignments.take.questionList")}>
        <ol className="flex flex-wrap gap-1">
          {questions.map((q, i) => (
            <li key={q.id}>
              <button
                type="button"
                onClick={() => go(i)}
                aria-current={i === index ? "step" : undefined}
                aria-label={t(saved[q.item] ? "assignments.take.gotoAnswered" : "assignments.take.goto", { n: i + 1 })}
                className={`min-h-11 min-w-11 rounded-lg border text-sm tabular-nums ${i === index ? "border-accent bg-accent text-on-accent" : "border-line-strong"}`}
              >
                {i + 1}
                {saved[q.item] && <span aria-hidden="true">✓</span>}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              onClick={() => go(questions.length)}
              aria-current={index === questions.length ? "step" : undefined}
              className={`min-h-11 min-w-11 rounded-lg border px-3 text-sm ${index === questions.length ? "border-accent bg-accent text-on-accent" : "border-line-strong"}`}
            >
              {t("assignments.take.finishStep")}
            </button>
          </li>
        </ol>
      </nav>

      {question ? (
        <form
          key={question.id}
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="text-sm text-muted">
            {t("assignments.take.progress", { n: index + 1, total: questions.length })} · {t(`forms.${question.form}`)}
          </p>
          <h2 ref={heading} tabIndex={-1} className="outline-none text-lg font-semibold leading-relaxed" data-testid="prompt">
            {question.prompt}
          </h2>
          {feedback === "each" && saved[question.item]?.result ? (
            <Feedback question={question} response={saved[question.item]!.response} result={saved[question.item]!.result!} />
          ) : (
            <AnswerInput
              question={question}
              value={drafts[question.item] ?? emptyResponse(question)}
              onChange={(value) => setDrafts((d) => ({ ...d, [question.item]: value }))}
              disabled={pending || timeUp || (feedback === "each" && saved[question.item] !== undefined)}
            />
          )}
          {error && <p role="alert" className="text-bad">{error}</p>}
          {feedback === "end" && saved[question.item] && same(saved[question.item]?.response, drafts[question.item]) && (
            <p className="text-sm text-muted" data-testid="saved">
              <span aria-hidden="true">✓ </span>
              {t("assignments.take.saved")}
            </p>
          )}
          <div className="flex gap-2">
            {index > 0 && (
              <Button type="button" variant="secondary" onClick={() => go(index - 1)}>
                {t("assignments.take.previous")}
              </Button>
            )}
            <SubmitButton className="flex-1" disabled={pending || timeUp || (!saved[question.item] && !canSubmit(question, drafts[question.item] ?? emptyResponse(question)))}>
              {error
                ? t("assignments.take.retry")
                : saved[question.item] && (feedback === "each" || same(saved[question.item]?.response, drafts[question.item]))
                  ? t("assignments.take.next")
                  : feedback === "each"
                    ? t("assignments.take.check")
                    : t("assignments.take.saveNext")}
            </SubmitButton>
          </div>
        </form>
      ) : (
        <section className="flex flex-col gap-4" aria-labelledby="finish-heading">
          <h2 id="finish-heading" ref={heading} tabIndex={-1} className="outline-none text-lg font-semibold">
            {t("assignments.take.finishTitle")}
          </h2>
          <p>{t("assignments.take.answered", { n: answeredCount, total: questions.length })}</p>
          {answeredCount < questions.length && <p className="text-warn">{t("assignments.take.unansweredWarning")}</p>}
          {feedback === "end" && <p className="text-sm text-muted">{t("assignments.take.resultsAfter")}</p>}
          {error && <p role="alert" className="text-bad">{error}</p>}
          <Button type="button" disabled={pending} onClick={() => void handIn()}>
            {t("assignments.take.handIn")}
          </Button>
        </section>
      )}
    </div>
  );
}
