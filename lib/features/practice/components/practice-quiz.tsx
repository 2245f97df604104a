"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { QuestionForm } from "@/lib/core/generate/types";
import type { Response } from "@/lib/core/grade";
import { translateDynamic } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { SubmitButton } from "@/lib/ui/submit-button";
import { AnswerInput, canSubmit, emptyResponse } from "@/lib/features/questions/components/answer-input";
import { Feedback } from "@/lib/features/questions/components/feedback";
import { KeyHint } from "@/lib/features/questions/components/key-hint";
import { useEnterSubmits } from "@/lib/features/questions/components/use-enter-submits";
import { answerLabel } from "@/lib/features/questions/format";
import { newClientId } from "@/lib/features/study/client-api";
import { overruleGuestAnswer, rememberGuestAnswer } from "@/lib/features/study/guest-reviews";
import { checkAnswerAction, startPracticeAction } from "../actions";
import { practiceLengths } from "../lengths";
import type { CheckedAnswer, PublicQuestion } from "../schema";

interface Props {
  pack: string;
  /** Not signed in: answers are kept to become the first reviews if the visitor signs up. */
  guest: boolean;
  topics: { name: string; questionCount: number }[];
  forms: QuestionForm[];
}

type Answered = { question: PublicQuestion; result: CheckedAnswer };

export function PracticeQuiz({ pack, guest, topics, forms }: Props) {
  const { t } = useI18n();
  const [questions, setQuestions] = useState<PublicQuestion[] | null>(null);
  const [index, setIndex] = useState(0);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const question = questions?.[index];

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const started = await startPracticeAction({
      pack,
      topics: form.getAll("topic").map(String),
      forms: form.getAll("form").map(String),
      length: Number(form.get("length")),
    });
    setPending(false);
    if (!started.ok) return setError(translateDynamic(t, `errors.${started.code}`, "errors.INVALID_INPUT"));
    if (started.data.length === 0) return setError(t("practice.noQuestions"));
    setError(undefined);
    setAnswered([]);
    setIndex(0);
    setQuestions(started.data);
  }

  useEffect(() => {
    if (questions && !question) heading.current?.focus();
  }, [questions, question]);

  if (!questions) {
    return (
      <form onSubmit={start} className="flex flex-col gap-5">
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t("practice.chooseTopics")}</legend>
          <p className="text-sm text-muted">{t("practice.allTopics")}</p>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {topics.map((topic) => (
              <label key={topic.name} className="flex min-h-11 min-w-11 items-center gap-3 rounded-lg border border-line-strong px-3 has-checked:border-accent">
                <input type="checkbox" name="topic" value={topic.name} className="size-5" />
                <span className="flex-1">{topic.name}</span>
                <span className="text-sm text-muted">{topic.questionCount}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t("practice.chooseForms")}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {forms.map((form) => (
              <label key={form} className="flex min-h-11 min-w-11 items-center gap-2 rounded-lg border border-line-strong px-3 has-checked:border-accent">
                <input type="checkbox" name="form" value={form} defaultChecked className="size-5" />
                {t(`forms.${form}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t("practice.length")}</legend>
          <div className="flex gap-2">
            {practiceLengths.map((n) => (
              <label key={n} className="flex min-h-11 min-w-11 flex-1 items-center justify-center gap-2 rounded-lg border border-line-strong has-checked:border-accent has-checked:bg-accent-soft">
                <input type="radio" name="length" value={n} defaultChecked={n === 10} className="size-5" />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
        {error && <p role="alert" className="text-bad">{error}</p>}
        <SubmitButton disabled={pending}>{t("practice.start")}</SubmitButton>
      </form>
    );
  }

  if (!question) {
    const score = answered.filter((a) => a.result.correct).length;
    const missed = answered.filter((a) => !a.result.correct);
    return (
      <section aria-labelledby="score" className="flex flex-col gap-4">
        <h2 id="score" className="text-xl font-semibold outline-none" tabIndex={-1} ref={heading}>{t("practice.scoreTitle")}</h2>
        <p className="text-3xl font-bold tabular-nums" data-testid="score">{t("practice.score", { correct: score, total: answered.length })}</p>
        {missed.length === 0 ? (
          <p>{t("practice.allRight")}</p>
        ) : (
          <div>
            <h3 className="font-semibold">{t("practice.review")}</h3>
            <ul className="mt-2 flex flex-col gap-3">
              {missed.map(({ question: q, result: r }) => (
                <li key={q.id} className="rounded-lg border border-line p-3">
                  <p>{q.prompt}</p>
                  <p className="mt-1 font-medium">{t("practice.expected", { answer: answerLabel(t, q.form, r.expected) })}</p>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button type="button" onClick={() => setQuestions(null)}>{t("practice.again")}</Button>
      </section>
    );
  }

  return (
    <QuestionStep
      key={question.id}
      question={question}
      position={index + 1}
      total={questions.length}
      onAnswered={(result, response) => {
        setAnswered((list) => [...list, { question, result }]);
        if (guest) rememberGuestAnswer({ clientId: newClientId(), questionId: question.id, response, reviewedAt: new Date().toISOString() });
      }}
      onOverruled={(result) => {
        // "I was right": the answer counts as right in this session's score.
        setAnswered((list) => list.map((a) => (a.question.id === question.id ? { ...a, result } : a)));
        if (guest) overruleGuestAnswer(question.id, result.expected);
      }}
      onNext={() => setIndex((i) => i + 1)}
    />
  );
}

interface StepProps {
  question: PublicQuestion;
  position: number;
  total: number;
  onAnswered: (result: CheckedAnswer, response: Response) => void;
  /** A typed answer graded wrong that the learner says is right. */
  onOverruled: (result: CheckedAnswer) => void;
  onNext: () => void;
}

/** One question: its own response and result, so moving on (a new key) starts it afresh. */
function QuestionStep({ question, position, total, onAnswered, onOverruled, onNext }: StepProps) {
  const { t } = useI18n();
  const [response, setResponse] = useState<Response>(() => emptyResponse(question));
  const [result, setResult] = useState<CheckedAnswer | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEnterSubmits(form);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (result) nextButton.current?.focus();
  }, [result]);

  async function submit() {
    if (result || pending || !canSubmit(question, response)) return;
    setPending(true);
    const checked = await checkAnswerAction({ questionId: question.id, response });
    setPending(false);
    if (!checked.ok) return setError(translateDynamic(t, `errors.${checked.code}`, "errors.INVALID_INPUT"));
    setError(undefined);
    setResult(checked.data);
    onAnswered(checked.data, response);
  }

  return (
    <form
      ref={form}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (result) onNext();
        else void submit();
      }}
    >
      <p className="text-sm text-muted" aria-live="polite">
        {t("practice.progress", { n: position, total })} · {t(`forms.${question.form}`)}
      </p>
      <h2 ref={heading} tabIndex={-1} className="outline-none text-lg font-semibold leading-relaxed" data-testid="prompt">
        {question.prompt}
      </h2>
      {result ? (
        <Feedback question={question} response={response} result={result} />
      ) : (
        <AnswerInput question={question} value={response} onChange={setResponse} disabled={false} />
      )}
      {error && <p role="alert" className="text-bad">{error}</p>}
      {result && !result.correct && question.form === "typed" && (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() => {
            const right = { ...result, correct: true, partial: false };
            setResult(right);
            onOverruled(right);
          }}
        >
          {t("study.iWasRight")}
        </Button>
      )}
      {result ? (
        <SubmitButton ref={nextButton}>{position === total ? t("practice.finish") : t("practice.next")}</SubmitButton>
      ) : (
        <SubmitButton disabled={pending || !canSubmit(question, response)}>{t("practice.submit")}</SubmitButton>
      )}
      <KeyHint form={question.form} choices={question.form === "tf" ? 2 : (question.choices?.length ?? 0)} answered={result !== null} />
    </form>
  );
}
