"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button, buttonClass } from "@/lib/ui/button";
import { AnswerInput, canSubmit, emptyResponse } from "@/lib/features/questions/components/answer-input";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { ApiError, newClientId, studyApi, type ReviewRequest } from "../client-api";
import type { ReviewOutcome, StudyItem, StudyQueue } from "../schema";

type Mode = "quiz" | "flashcard";
type Filter = { pack?: string | undefined; topic?: string | undefined };

// Refill with half a batch still held: the next cards are here even when the refill is slow.
const REFILL_BELOW = 5;
const SWIPE_PX = 80;

/**
 * A study session. The queue is held on the client and refilled before it runs out, so the next
 * card is already here when the current one is graded.
 */
export function StudySession({ initial, filter }: { initial: StudyQueue; filter: Filter }) {
  const { t } = useI18n();
  const [items, setItems] = useState<StudyItem[]>(initial.items);
  const [counts, setCounts] = useState(initial.counts);
  const [canUndo, setCanUndo] = useState(initial.canUndo);
  const [mode, setMode] = useState<Mode>("quiz");
  const [notice, setNotice] = useState<string>();
  const refilling = useRef(false);
  const exhausted = useRef(initial.items.length === 0);

  const item = items[0];

  const refill = useCallback(
    async (held: StudyItem[]) => {
      if (refilling.current || exhausted.current || held.length >= REFILL_BELOW) return;
      refilling.current = true;
      try {
        const more = await studyApi.queue(filter, held.map((i) => i.key));
        const known = new Set(held.map((i) => i.key));
        const fresh = more.items.filter((i) => !known.has(i.key));
        if (fresh.length === 0) exhausted.current = true;
        setItems((list) => [...list, ...fresh.filter((i) => !list.some((l) => l.key === i.key))]);
        setCounts(more.counts);
      } catch {
        // A failed refill is retried on the next card.
      } finally {
        refilling.current = false;
      }
    },
    [filter],
  );

  const advance = useCallback(() => {
    setItems((list) => {
      const rest = list.slice(1);
      void refill(rest);
      return rest;
    });
  }, [refill]);

  const onReviewed = useCallback((outcome: ReviewOutcome) => {
    setCanUndo(true);
    if (outcome.leech) setNotice(t("study.leech"));
  }, [t]);

  /** Flashcards go on at once; the review is sent in the background and a failure is shown. */
  const gradeFlashcard = useCallback(
    (request: ReviewRequest) => {
      advance();
      studyApi.review(request).then(onReviewed, () => setNotice(t("study.failed")));
    },
    [advance, onReviewed, t],
  );

  const undo = useCallback(async () => {
    if (!canUndo) return;
    try {
      const { item: undone } = await studyApi.undo(newClientId());
      exhausted.current = false;
      if (undone) setItems((list) => [undone, ...list.filter((i) => i.key !== undone.key)]);
      setNotice(t("study.undone"));
      setCanUndo(false);
    } catch (error) {
      setNotice(translateDynamic(t, `errors.${error instanceof ApiError ? error.code : "INVALID_INPUT"}`, "study.failed"));
    }
  }, [canUndo, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      if (event.key === "u" || event.key === "U") void undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="study-counts">
          {t("study.counts", counts)}
        </p>
        <div role="radiogroup" aria-label={t("study.mode")} className="ml-auto flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-600">
          {(["quiz", "flashcard"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={`min-h-11 rounded-md px-3 text-sm ${mode === m ? "bg-teal-700 text-white" : ""}`}
            >
              {t(m === "quiz" ? "study.modeQuiz" : "study.modeFlashcard")}
            </button>
          ))}
        </div>
        <Button variant="secondary" type="button" onClick={() => void undo()} disabled={!canUndo} aria-keyshortcuts="U">
          {t("study.undo")}
        </Button>
      </div>
      {notice && (
        <p role="status" className="rounded-lg bg-slate-100 p-2 text-sm dark:bg-slate-800">
          {notice}
        </p>
      )}
      {item ? (
        mode === "quiz" ? (
          <QuizCard key={item.key + item.question.id} item={item} onReviewed={onReviewed} onNext={advance} />
        ) : (
          <FlashCard key={item.key + item.question.id} item={item} onGrade={gradeFlashcard} />
        )
      ) : (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-slate-200 p-6 dark:border-slate-800" data-testid="study-done">
          <h2 className="text-xl font-semibold">{t("study.done")}</h2>
          <p>{t("study.doneHint")}</p>
          <Link href="/stats" className={buttonClass("secondary")}>
            {t("study.stats")}
          </Link>
        </div>
      )}
      <p className="hidden text-sm text-slate-500 sm:block">{t("study.keys")}</p>
    </div>
  );
}

interface CardProps {
  item: StudyItem;
  onReviewed: (outcome: ReviewOutcome) => void;
  onNext: () => void;
}

function ReasonBadge({ item }: { item: StudyItem }) {
  const { t } = useI18n();
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      {t(`study.reason_${item.reason}`)} · {item.back.section}
    </p>
  );
}

/** Auto-graded: answer, see the grade and explanation, go on. */
function QuizCard({ item, onReviewed, onNext }: CardProps) {
  const { t } = useI18n();
  const [response, setResponse] = useState<AnswerResponse>(() => emptyResponse(item.question));
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const shownAt = useRef(0);
  const nextButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    shownAt.current = performance.now();
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (outcome) nextButton.current?.focus();
  }, [outcome]);

  async function submit() {
    if (outcome || pending || !canSubmit(item.question, response)) return;
    setPending(true);
    try {
      const result = await studyApi.review({
        clientId: newClientId(),
        questionId: item.question.id,
        response,
        durationMs: Math.round(performance.now() - shownAt.current),
      });
      setOutcome(result);
      setError(undefined);
      onReviewed(result);
    } catch (e) {
      setError(translateDynamic(t, `errors.${e instanceof ApiError ? e.code : ""}`, "study.failed"));
    } finally {
      setPending(false);
    }
  }

  async function overrule() {
    if (!outcome) return;
    try {
      setOutcome(await studyApi.override(outcome.clientId));
    } catch {
      setError(t("study.failed"));
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="study-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (outcome) onNext();
        else void submit();
      }}
      onKeyDown={(e) => {
        const inText = e.target instanceof HTMLInputElement && e.target.type === "text";
        if (e.key === " " && !inText && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          if (outcome) onNext();
          else void submit();
        }
      }}
    >
      <ReasonBadge item={item} />
      <h2 ref={heading} tabIndex={-1} className="outline-none text-lg font-semibold leading-relaxed" data-testid="prompt">
        {item.question.prompt}
      </h2>
      <AnswerInput question={item.question} value={response} onChange={setResponse} disabled={outcome !== null} />
      {error && <p role="alert" className="text-red-700 dark:text-red-400">{error}</p>}
      {outcome && (
        <Feedback
          result={{
            correct: outcome.correct === true,
            partial: outcome.partial,
            expected: outcome.expected,
            explanation: outcome.explanation,
            section: outcome.section,
          }}
        />
      )}
      {outcome && outcome.correct === false && item.question.form === "typed" && (
        <Button variant="secondary" type="button" onClick={() => void overrule()}>
          {t("study.iWasRight")}
        </Button>
      )}
      {outcome ? (
        <Button ref={nextButton} type="submit">
          {t("study.next")}
        </Button>
      ) : (
        <Button type="submit" disabled={pending || !canSubmit(item.question, response)}>
          {pending ? t("study.saving") : t("practice.submit")}
        </Button>
      )}
    </form>
  );
}

const GRADES = [
  { rating: 1, key: "study.again", tone: "border-red-700" },
  { rating: 2, key: "study.hard", tone: "border-amber-600" },
  { rating: 3, key: "study.good", tone: "border-green-700" },
  { rating: 4, key: "study.easy", tone: "border-sky-700" },
] as const;

/** Self-graded: flip, then Again/Hard/Good/Easy with each button's next interval. */
function FlashCard({ item, onGrade }: { item: StudyItem; onGrade: (request: ReviewRequest) => void }) {
  const { t } = useI18n();
  const [flipped, setFlipped] = useState(false);
  const shownAt = useRef(0);
  const start = useRef<{ x: number; y: number } | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  const grade = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!flipped || sent.current) return;
      sent.current = true;
      onGrade({ clientId: newClientId(), questionId: item.question.id, rating, durationMs: Math.round(performance.now() - shownAt.current) });
    },
    [flipped, item.question.id, onGrade],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      if (event.key === " ") {
        event.preventDefault();
        setFlipped(true);
      } else if (["1", "2", "3", "4"].includes(event.key)) {
        grade(Number(event.key) as 1 | 2 | 3 | 4);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [grade]);

  return (
    <div className="flex flex-col gap-4" data-testid="study-card">
      <ReasonBadge item={item} />
      <div
        className="flex min-h-48 touch-pan-y select-none flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4 dark:border-slate-600 dark:bg-slate-900"
        onPointerDown={(e) => (start.current = { x: e.clientX, y: e.clientY })}
        onPointerUp={(e) => {
          const from = start.current;
          start.current = null;
          if (!from) return;
          const dx = e.clientX - from.x;
          if (Math.abs(dx) < 10 && Math.abs(e.clientY - from.y) < 10) setFlipped(true);
          else if (flipped && Math.abs(dx) >= SWIPE_PX) grade(dx < 0 ? 1 : 3);
        }}
      >
        <h2 className="text-lg font-semibold leading-relaxed" data-testid="prompt">
          {item.question.prompt}
        </h2>
        {item.question.choices && item.question.form !== "order" && (
          <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
            {item.question.choices.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {flipped && (
          <div className="border-t border-slate-200 pt-3 dark:border-slate-700" data-testid="card-back">
            <p className="font-semibold">
              {t("study.answer")}：{item.back.answer}
            </p>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{item.back.explanation}</p>
          </div>
        )}
      </div>
      {flipped ? (
        <div className="grid grid-cols-4 gap-2">
          {GRADES.map((g) => (
            <button
              key={g.rating}
              type="button"
              onClick={() => grade(g.rating)}
              aria-keyshortcuts={String(g.rating)}
              className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 bg-white px-1 text-sm font-medium dark:bg-slate-900 ${g.tone}`}
            >
              <span>{t(g.key)}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">{item.intervals[String(g.rating) as "1"]}</span>
            </button>
          ))}
        </div>
      ) : (
        <Button type="button" onClick={() => setFlipped(true)} aria-keyshortcuts="Space">
          {t("study.showAnswer")}
        </Button>
      )}
      <p className="text-sm text-slate-500 sm:hidden">{t("study.swipeHint")}</p>
    </div>
  );
}
