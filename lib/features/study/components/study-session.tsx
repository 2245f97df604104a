"use client";
import { Link } from "@/lib/ui/link";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { countReview } from "@/lib/core/schedule/counts";
import type { QueueReason } from "@/lib/core/schedule/queue";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button, buttonClass } from "@/lib/ui/button";
import { SubmitButton } from "@/lib/ui/submit-button";
import { AnswerInput, canSubmit, emptyResponse } from "@/lib/features/questions/components/answer-input";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { answerLabel } from "@/lib/features/questions/format";
import { warmPageCache } from "@/lib/features/pwa/warm-page";
import { ApiError, isNetworkError, newClientId, studyApi, type ReviewRequest } from "../client-api";
import { hasBundle, markStudied, offlineQueue } from "../offline/bundle";
import { pendingCount, pendingReviews, takeBackLast } from "../offline/outbox";
import { useOfflineStudy, type SyncNote } from "../offline/use-offline-study";
import type { ReviewOutcome, StudyItem, StudyQueue } from "../schema";
import type { PublicQuestion } from "@/lib/features/practice/schema";

type Mode = "quiz" | "flashcard";
type Filter = { pack?: string | undefined; topic?: string | undefined };

// Refill with half a batch still held: the next cards are here even when the refill is slow.
const REFILL_BELOW = 5;
/** Items taken from the offline bundle at a time. */
const OFFLINE_BATCH = 10;
const SWIPE_PX = 80;

// The mode is the device's (localStorage): read after hydration, the server renders quiz mode.
const MODE_KEY = "delta-recall:study-mode";
const modeListeners = new Set<() => void>();
function subscribeMode(onChange: () => void) {
  modeListeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    modeListeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}
function readMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === "flashcard" ? "flashcard" : "quiz";
  } catch {
    return "quiz"; // storage refused (private mode, policy): quiz, as on the server
  }
}
function saveMode(mode: Mode) {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // not kept: the choice holds until the page is left
  }
  for (const listener of modeListeners) listener();
}

// Kept across client navigations (not reloads, which read the server afresh): Next's router
// restores an old server payload of /study on Back, so a payload first shown before the learner's
// last review or undo is out of date and the session reads the queue again.
const firstShown = new Map<string, number>();
let lastChangeAt = 0;
const isOutdated = (generatedAt: string) => (firstShown.get(generatedAt) ?? Number.POSITIVE_INFINITY) <= lastChangeAt;

/** One showing of a card: its facet and the question it is shown as. */
const shownKey = (item: StudyItem) => item.key + item.question.id;

/**
 * A study session. The queue is held on the client and refilled before it runs out, so the next
 * card is already here when the current one is graded. Offline (or when the server cannot be
 * reached) it goes on from the offline bundle kept on the device, and reviews wait in the outbox
 * until they sync (lib/features/study/offline).
 */
export function StudySession({ initial, filter, userId }: { initial: StudyQueue; filter: Filter; userId: string }) {
  const { t } = useI18n();
  const [items, setItems] = useState<StudyItem[]>(initial.items);
  const [counts, setCounts] = useState(initial.counts);
  const [canUndo, setCanUndo] = useState(initial.canUndo);
  const mode = useSyncExternalStore(subscribeMode, readMode, () => "quiz" as const);
  const [notice, setNotice] = useState<string>();
  /** A restored, out-of-date page (see firstShown): nothing is shown until the queue is read again. */
  const [outdated, setOutdated] = useState(() => isOutdated(initial.generatedAt));
  const refilling = useRef(false);
  const exhausted = useRef(initial.items.length === 0);
  /** Items reviewed in this session, by key: an offline undo puts one back. */
  const reviewedItems = useRef(new Map<string, StudyItem>());
  /**
   * This session's reviews by client id, in order: what each took from the counts (its reason; and
   * whether the server put it back among today's learning steps), so an undo gives it back.
   */
  const counted = useRef(new Map<string, { key: string; reason: QueueReason; learningAgain: boolean }>());
  /** Bumped on each change the session makes to the counts: a server read begun before it is older. */
  const changes = useRef(0);
  /** The flashcard grades still being written to the outbox: a queue read waits for them. */
  const writing = useRef<Promise<unknown>>(Promise.resolve());

  const item = items[0];
  /**
   * The head card once its quiz answer is sent: it stays a quiz card (its feedback) until Next,
   * whatever the mode switch says, so it cannot be graded a second time as a flashcard.
   */
  const [answeredHead, setAnsweredHead] = useState<string | null>(null);

  const moveCounts = useCallback((move: (c: StudyQueue["counts"]) => StudyQueue["counts"]) => {
    changes.current++;
    lastChangeAt = Date.now();
    setCounts(move);
  }, []);

  /** A card left the queue when it was graded: it leaves its count. Once per review. */
  const countLeaving = useCallback(
    (clientId: string, left: StudyItem) => {
      if (counted.current.has(clientId)) return;
      counted.current.set(clientId, { key: left.key, reason: left.reason, learningAgain: false });
      moveCounts((c) => countReview(c, left.reason, false));
    },
    [moveCounts],
  );

  /** The server's answer: the card may be back among today's learning steps (or, overruled, no longer). */
  const settle = useCallback(
    (clientId: string, learningAgain: boolean) => {
      const review = counted.current.get(clientId);
      if (!review || review.learningAgain === learningAgain) return;
      review.learningAgain = learningAgain;
      moveCounts((c) => countReview(c, null, learningAgain, !learningAgain));
      // Back today: the next refill asks the server, which has it as a learning step.
      if (learningAgain) exhausted.current = false;
    },
    [moveCounts],
  );

  /** An undo gives the counts back what the review took; the newest review of `key` when no id is known. */
  const countUndone = useCallback(
    (clientId: string | null, key: string) => {
      const id = clientId ?? [...counted.current].reverse().find(([, r]) => r.key === key)?.[0];
      const review = id === undefined ? undefined : counted.current.get(id);
      if (id === undefined || !review) return false;
      counted.current.delete(id);
      moveCounts((c) => countReview(c, review.reason, review.learningAgain, true));
      return true;
    },
    [moveCounts],
  );

  const onSynced = useCallback(
    (outcomes: ReviewOutcome[]) => {
      setCanUndo(true);
      for (const o of outcomes) settle(o.clientId, o.learningAgain);
      if (outcomes.some((o) => o.leech)) setNotice(t("study.leech"));
    },
    [settle, t],
  );
  const offline = useOfflineStudy(userId, onSynced);
  // Offline by the browser's word; an unreachable server is found out by the failed request.
  const fromBundle = () => !navigator.onLine;

  const append = useCallback((fresh: StudyItem[]) => {
    setItems((list) => [...list, ...fresh.filter((i) => !list.some((l) => l.key === i.key))]);
  }, []);

  const refillOffline = useCallback(
    async (held: StudyItem[]) => {
      const more = await offlineQueue(userId, new Date(), filter, held.map((i) => i.key));
      append(more.slice(0, OFFLINE_BATCH));
    },
    [append, filter, userId],
  );

  /**
   * The server's queue without the items held, read after every review made so far has reached
   * it. Its counts replace the session's unless a review or undo came in the meantime (the
   * session's own are newer then) or reviews still wait in the outbox (the server lacks them).
   */
  const readQueue = useCallback(
    async (held: readonly StudyItem[]) => {
      await writing.current.catch(() => undefined);
      await offline.sync();
      const since = changes.current;
      const waiting = await pendingCount(userId);
      const more = await studyApi.queue(filter, held.map((i) => i.key));
      if (changes.current === since && waiting === 0) setCounts(more.counts);
      return more;
    },
    [filter, offline, userId],
  );

  const refill = useCallback(
    async (held: StudyItem[]) => {
      if (refilling.current || held.length >= REFILL_BELOW) return;
      refilling.current = true;
      try {
        if (fromBundle()) {
          await refillOffline(held);
          return;
        }
        if (exhausted.current) return;
        const more = await readQueue(held);
        const known = new Set(held.map((i) => i.key));
        const unheld = more.items.filter((i) => !known.has(i.key));
        if (unheld.length === 0) exhausted.current = true;
        // A card reviewed in this session comes back only as a learning step; as anything else the
        // server answered before it had that review (a review made during the read).
        append(unheld.filter((i) => i.reason === "learning" || !reviewedItems.current.has(i.key)));
      } catch (error) {
        // No answer from the server: go on from the bundle. Otherwise retried on the next card.
        if (isNetworkError(error)) await refillOffline(held).catch(() => undefined);
      } finally {
        refilling.current = false;
      }
    },
    [append, readQueue, refillOffline],
  );

  // On load: offline, the page may be an old copy from the service worker's cache, so the queue
  // comes from the bundle; online, items whose reviews still wait in the outbox are not shown again.
  // A page restored by Back whose payload is out of date reads the queue afresh first.
  useEffect(() => {
    let live = true;
    const restored = isOutdated(initial.generatedAt);
    if (!firstShown.has(initial.generatedAt)) firstShown.set(initial.generatedAt, Date.now());
    void (async () => {
      if (!navigator.onLine && (await hasBundle(userId))) {
        const queue = await offlineQueue(userId, new Date(), filter);
        if (live) setItems(queue.slice(0, OFFLINE_BATCH));
      } else {
        if (restored) {
          const fresh = await readQueue([]).catch(() => null);
          if (live && fresh) {
            setItems(fresh.items);
            setCounts(fresh.counts);
            setCanUndo(fresh.canUndo);
            exhausted.current = fresh.items.length === 0;
          }
        }
        const waiting = new Set((await pendingReviews(userId)).map((e) => e.key));
        if (live && waiting.size > 0) setItems((list) => list.filter((i) => !waiting.has(i.key)));
      }
      if (live) setOutdated(false);
      if (navigator.onLine) {
        for (const url of new Set([location.pathname + location.search, "/study"])) await warmPageCache(url).catch(() => undefined);
      }
    })();
    return () => {
      live = false;
    };
    // Once per page: readQueue changes with the sync callbacks, the payload does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, userId, initial.generatedAt]);

  // Back online: what was held from the bundle stays; the server's queue refills after it.
  useEffect(() => {
    if (!offline.online) return;
    exhausted.current = false;
    const later = window.setTimeout(() => {
      setItems((list) => {
        void refill(list);
        return list;
      });
    }, 0);
    return () => window.clearTimeout(later);
  }, [offline.online, refill]);

  const advance = useCallback(() => {
    setAnsweredHead(null);
    setItems((list) => {
      const rest = list.slice(1);
      void refill(rest);
      return rest;
    });
  }, [refill]);

  /** A quiz answer's grade; `reviewClientId` is the review it replaces ("I was right"). */
  const onReviewed = useCallback((outcome: ReviewOutcome, reviewClientId = outcome.clientId) => {
    setCanUndo(true);
    settle(reviewClientId, outcome.learningAgain);
    if (outcome.leech) setNotice(t("study.leech"));
  }, [settle, t]);

  /** Flashcards go on at once; the review goes through the outbox, sent now or when back online. */
  const gradeFlashcard = useCallback(
    (request: ReviewRequest, graded: StudyItem) => {
      reviewedItems.current.set(graded.key, graded);
      setNotice(undefined); // a notice is about the last review or undo, not this one
      countLeaving(request.clientId, graded);
      writing.current = offline.enqueue(request, graded.key).catch(() => setNotice(t("study.failed")));
      advance();
    },
    [advance, countLeaving, offline, t],
  );

  /**
   * Quiz answers are graded by the server. Without it the answer waits in the outbox (graded at
   * sync) and null is returned: the card then shows its back instead of a grade.
   */
  const submitQuiz = useCallback(
    async (request: ReviewRequest, answered: StudyItem): Promise<ReviewOutcome | null> => {
      reviewedItems.current.set(answered.key, answered);
      setAnsweredHead(shownKey(answered));
      setNotice(undefined);
      if (!fromBundle()) {
        try {
          await offline.sync(); // older waiting reviews first
          const outcome = await studyApi.review(request);
          countLeaving(request.clientId, answered);
          await markStudied(userId, answered.key, Date.now());
          return outcome;
        } catch (error) {
          if (!isNetworkError(error)) throw error;
        }
      }
      // The same clientId: if the lost request did reach the server, the resend counts once.
      await offline.enqueue({ ...request, reviewedAt: new Date().toISOString() }, answered.key);
      countLeaving(request.clientId, answered);
      return null;
    },
    [countLeaving, offline, userId],
  );

  const undo = useCallback(async () => {
    if (fromBundle()) {
      // Offline: take back the newest review still on the device; the server never saw it.
      const taken = await takeBackLast(userId);
      await offline.countPending();
      const back = taken && reviewedItems.current.get(taken.key);
      if (taken) countUndone(taken.clientId, taken.key);
      if (back) setItems((list) => [back, ...list.filter((i) => i.key !== back.key)]);
      setNotice(taken ? t("offline.undone") : t("study.failed"));
      return;
    }
    if (!canUndo) return;
    try {
      await offline.sync(); // the review to undo may still be on its way
      const { item: fromServer } = await studyApi.undo(newClientId());
      exhausted.current = false;
      // Back as it was shown: another form right after its answer was seen would be a giveaway.
      const undone = fromServer && (reviewedItems.current.get(fromServer.key) ?? fromServer);
      if (undone) setItems((list) => [undone, ...list.filter((i) => i.key !== undone.key)]);
      setNotice(t("study.undone"));
      setCanUndo(false);
      // A review of this session gives its counts back; an older one (before a reload, or on
      // another device) is known to the server only: its counts are read.
      if (!undone || !countUndone(null, undone.key)) {
        await readQueue([]);
      }
    } catch (error) {
      setNotice(translateDynamic(t, `errors.${error instanceof ApiError ? error.code : "INVALID_INPUT"}`, "study.failed"));
    }
  }, [canUndo, countUndone, offline, readQueue, t, userId]);

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
      {/* One line at 390 px: the counts wrap within their share, so the card starts higher. */}
      <div className="flex items-center gap-2">
        <p className="min-w-0 flex-1 text-sm break-keep text-muted" data-testid="study-counts">
          {!outdated && t("study.counts", counts)}
        </p>
        <div role="radiogroup" aria-label={t("study.mode")} className="flex shrink-0 rounded-lg border border-line-strong p-0.5">
          {(["quiz", "flashcard"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => saveMode(m)}
              className={`min-h-11 min-w-11 rounded-md px-3 text-sm ${mode === m ? "bg-accent text-on-accent" : ""}`}
            >
              {t(m === "quiz" ? "study.modeQuiz" : "study.modeFlashcard")}
            </button>
          ))}
        </div>
        <Button variant="secondary" type="button" className="shrink-0" onClick={() => void undo()} disabled={offline.online ? !canUndo : offline.pending === 0} aria-keyshortcuts="U">
          {t("study.undo")}
        </Button>
      </div>
      <OfflineStatus online={offline.online} pending={offline.pending} held={offline.held} note={offline.note} bundleSize={offline.bundleSize} />
      {notice && (
        <p role="status" className="rounded-lg bg-sunken p-2 text-sm">
          {notice}
        </p>
      )}
      {outdated ? null : item ? (
        mode === "quiz" || answeredHead === shownKey(item) || !item.flashcard ? (
          <QuizCard key={shownKey(item)} item={item} submitReview={submitQuiz} onReviewed={onReviewed} onNext={advance} />
        ) : (
          <FlashCard key={shownKey(item)} item={item} card={item.flashcard} onGrade={gradeFlashcard} />
        )
      ) : (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-line p-6" data-testid="study-done">
          <h2 className="text-xl font-semibold">{offline.online ? t("study.done") : t("offline.noCards")}</h2>
          {offline.online && <p>{t("study.doneHint")}</p>}
          <Link href="/stats" className={buttonClass("secondary")}>
            {t("study.stats")}
          </Link>
        </div>
      )}
      <p className="hidden text-sm text-muted sm:block">{t("study.keys")}</p>
    </div>
  );
}

/**
 * Offline and sync state: "offline, N reviews waiting to sync", then when they synced. Online,
 * reviews wait only when a sync left them behind (`held`), not while a grade is on its way.
 */
function OfflineStatus({ online, pending, held, note, bundleSize }: { online: boolean; pending: number; held: boolean; note: SyncNote | null; bundleSize: number | null }) {
  const { t, locale } = useI18n();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const line = !online
    ? pending > 0
      ? t("offline.offlineWaiting", { n: pending })
      : t("offline.offlineNoneWaiting")
    : pending > 0 && held
      ? t("offline.waiting", { n: pending })
      : note && note.synced > 0
        ? t("offline.synced", { n: note.synced, time: time(note.at) })
        : null;
  return (
    <div className="flex flex-col gap-1" data-testid="offline-status" data-online={online} data-pending={pending} data-bundle={bundleSize ?? ""}>
      {line && (
        <p role="status" className={`rounded-lg p-2 text-sm ${online ? "bg-accent-soft" : "bg-warn-soft font-medium"}`}>
          {line}
        </p>
      )}
      {note && note.dropped > 0 && (
        <p role="alert" className="rounded-lg bg-bad-soft p-2 text-sm">
          {t("offline.dropped", { n: note.dropped, reason: translateDynamic(t, `errors.${note.reason ?? ""}`, "study.failed") })}
        </p>
      )}
      {online && bundleSize !== null && pending === 0 && <p className="text-xs text-muted">{t("offline.ready", { n: bundleSize })}</p>}
    </div>
  );
}

interface CardProps {
  item: StudyItem;
  submitReview: (request: ReviewRequest, item: StudyItem) => Promise<ReviewOutcome | null>;
  onReviewed: (outcome: ReviewOutcome, reviewClientId?: string) => void;
  onNext: () => void;
}

function ReasonBadge({ item }: { item: StudyItem }) {
  const { t } = useI18n();
  return (
    <p className="text-sm text-muted">
      {t(`study.reason_${item.reason}`)} · {item.back.section}
    </p>
  );
}

/** Auto-graded: answer, see the grade and explanation, go on. */
function QuizCard({ item, submitReview, onReviewed, onNext }: CardProps) {
  const { t } = useI18n();
  const [response, setResponse] = useState<AnswerResponse>(() => emptyResponse(item.question));
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  /** Answered offline: kept on the device, graded by the server at sync. */
  const [savedOffline, setSavedOffline] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const shownAt = useRef(0);
  const nextButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    shownAt.current = performance.now();
    heading.current?.focus();
  }, []);
  const answered = outcome !== null || savedOffline;
  useEffect(() => {
    if (answered) nextButton.current?.focus();
  }, [answered]);
  const clientId = useRef<string>(undefined);

  async function submit() {
    if (answered || pending || !canSubmit(item.question, response)) return;
    setPending(true);
    try {
      // One id per answer, kept across retries: a resent answer is stored once.
      clientId.current ??= newClientId();
      const result = await submitReview(
        { clientId: clientId.current, questionId: item.question.id, response, durationMs: Math.round(performance.now() - shownAt.current) },
        item,
      );
      setError(undefined);
      if (result === null) {
        setSavedOffline(true);
        return;
      }
      setOutcome(result);
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
      const regraded = await studyApi.override(outcome.clientId);
      setOutcome(regraded);
      onReviewed(regraded, outcome.clientId);
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
        if (answered) onNext();
        else void submit();
      }}
      onKeyDown={(e) => {
        const inText = e.target instanceof HTMLInputElement && e.target.type === "text";
        if (e.key === " " && !inText && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          if (answered) onNext();
          else void submit();
        }
      }}
    >
      <ReasonBadge item={item} />
      <h2 ref={heading} tabIndex={-1} className="outline-none text-lg font-semibold leading-relaxed" data-testid="prompt">
        {item.question.prompt}
      </h2>
      {outcome ? (
        <Feedback
          question={item.question}
          response={response}
          result={{
            correct: outcome.correct === true,
            partial: outcome.partial,
            expected: outcome.expected,
            key: outcome.key,
            explanation: outcome.explanation,
            section: outcome.section,
          }}
        />
      ) : (
        <AnswerInput question={item.question} value={response} onChange={setResponse} disabled={answered} />
      )}
      {error && <p role="alert" className="text-bad">{error}</p>}
      {savedOffline && (
        <div role="status" className="flex flex-col gap-2 rounded-lg border-l-4 border-muted bg-raised p-3" data-testid="offline-feedback">
          <p className="font-semibold">{t("offline.savedOffline")}</p>
          <p>{t("offline.yourAnswer", { answer: typeof response === "string" ? answerLabel(t, item.question.form, response) : response.join("、") })}</p>
          <p>
            <span className="font-medium">{t("study.answer")}</span>
            {answerLabel(t, item.question.form, item.back.answer)}
          </p>
          <p>{item.back.explanation}</p>
        </div>
      )}
      {outcome && outcome.correct === false && item.question.form === "typed" && (
        <Button variant="secondary" type="button" onClick={() => void overrule()}>
          {t("study.iWasRight")}
        </Button>
      )}
      {answered ? (
        <SubmitButton ref={nextButton}>
          {t("study.next")}
        </SubmitButton>
      ) : (
        <SubmitButton disabled={pending || !canSubmit(item.question, response)}>
          {pending ? t("study.saving") : t("practice.submit")}
        </SubmitButton>
      )}
    </form>
  );
}

const GRADES = [
  { rating: 1, key: "study.again", tone: "border-bad" },
  { rating: 2, key: "study.hard", tone: "border-warn" },
  { rating: 3, key: "study.good", tone: "border-ok" },
  { rating: 4, key: "study.easy", tone: "border-info" },
] as const;

/** Self-graded: flip, then Again/Hard/Good/Easy with each button's next interval. */
function FlashCard({ item, card, onGrade }: { item: StudyItem; card: NonNullable<StudyItem["flashcard"]>; onGrade: (request: ReviewRequest, item: StudyItem) => void }) {
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
      onGrade({ clientId: newClientId(), questionId: card.question.id, rating, durationMs: Math.round(performance.now() - shownAt.current) }, item);
    },
    [flipped, item, card, onGrade],
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
        className="flex min-h-48 touch-pan-y select-none flex-col gap-3 rounded-xl border border-line-strong bg-raised p-4"
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
          {card.question.prompt}
        </h2>
        <CardFront question={card.question} />
        {flipped && (
          <div className="border-t border-line pt-3" data-testid="card-back">
            <p className="font-semibold">
              {t("study.answer")}
              {answerLabel(t, card.question.form, card.back.answer)}
            </p>
            <p className="mt-1 text-fg-soft">{card.back.explanation}</p>
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
              className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 bg-raised px-1 text-sm font-medium ${g.tone}`}
            >
              <span>{t(g.key)}</span>
              <span className="text-xs text-muted">{item.intervals[String(g.rating) as "1"]}</span>
            </button>
          ))}
        </div>
      ) : (
        <Button type="button" onClick={() => setFlipped(true)} aria-keyshortcuts="Space">
          {t("study.showAnswer")}
        </Button>
      )}
      <p className="text-sm text-muted sm:hidden">{t("study.swipeHint")}</p>
    </div>
  );
}

/**
 * What the front of a flashcard shows under the prompt: what the card is answered from, without
 * the controls: the options of a multi, and of an mc answered from them (the server sends an mc's
 * choices only then), the items to order (in the question's shuffled order, unnumbered), the
 * left-hand items of a match and the options to pair them with, the unit of a number. A recall
 * mc, typed and a (true) statement: the prompt says it all.
 */
function CardFront({ question: q }: { question: PublicQuestion }) {
  const { t } = useI18n();
  const list = (items: readonly string[]) => (
    <ul className="list-disc pl-5 text-fg-soft">
      {items.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
  switch (q.form) {
    case "mc":
      return q.choices ? list(q.choices) : null;
    case "multi":
      return list(q.choices ?? []);
    case "order":
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm text-muted">{t("study.frontOrder")}</p>
          {list(q.choices ?? [])}
        </div>
      );
    case "match":
      return (
        <div className="flex flex-col gap-1">
          <ul className="flex flex-col gap-1">
            {(q.left ?? []).map((left) => (
              <li key={left} className="font-medium">
                {t("study.frontMatchItem", { left })}
              </li>
            ))}
          </ul>
          <p className="text-sm text-muted">{t("study.frontOptions")}</p>
          {list(q.choices ?? [])}
        </div>
      );
    case "numeric":
      return q.unit ? <p className="text-fg-soft">{t("practice.unit", { unit: q.unit })}</p> : null;
    case "tf":
    case "typed":
      return null;
  }
}
