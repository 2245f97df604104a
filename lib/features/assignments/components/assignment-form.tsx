"use client";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { countMatchingFacts } from "@/lib/core/assignments/select";
import type { QuestionForm } from "@/lib/core/generate/types";
import { fieldErrors, type Translate } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { SubmitButton } from "@/lib/ui/submit-button";
import { Field } from "@/lib/ui/field";
import { useActionForm } from "@/lib/ui/use-action-form";
import { createAssignmentAction, updateAssignmentAction } from "../actions";
import { answerKeyModes, attemptModes, defaultFormValues, MAX_ATTEMPTS, MAX_MINUTES, MAX_QUESTIONS, MAX_TITLE, type AssignmentFormValues, type PackOption } from "../schema";

type Props =
  | { mode: "create"; classId: string; packs: PackOption[]; now: string }
  | { mode: "edit"; classId: string; packs: PackOption[]; assignmentId: string; values: AssignmentFormValues; published: boolean };

const FALLBACK_ZONE = "Asia/Shanghai";
const noSubscription = () => () => {};

/** The browser's time zone; null while rendering on the server (and hydrating). */
function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
}

/**
 * Creates or edits an assignment. A new one starts in the browser's time zone: the form is
 * drawn again (a new key) once that zone is known, before anyone can have typed.
 */
export function AssignmentForm(props: Props) {
  const zone = useBrowserTimeZone();
  if (props.mode === "edit") return <FormBody {...props} initial={props.values} />;
  const pack = props.packs[0];
  if (!pack) return null;
  const initial = defaultFormValues(pack, zone ?? FALLBACK_ZONE, new Date(props.now));
  return <FormBody key={zone ?? "server"} {...props} initial={initial} published={false} />;
}

/** What a field needs, for a value the schema refused; the same bounds as the inputs'. */
function needs(t: Translate, name: string): string | undefined {
  switch (name) {
    case "title":
      return t("assignments.form.titleNeeded", { max: MAX_TITLE });
    case "questionCount":
      return t("assignments.form.rangeNeeded", { min: 1, max: MAX_QUESTIONS });
    case "attemptsAllowed":
      return t("assignments.form.rangeNeeded", { min: 1, max: MAX_ATTEMPTS });
    case "timeLimitMinutes":
      return t("assignments.form.rangeOrBlankNeeded", { min: 1, max: MAX_MINUTES });
    case "masteryGoal":
      return t("assignments.form.rangeOrBlankNeeded", { min: 1, max: 100 });
    case "forms":
      return t("assignments.form.formsNeeded");
    case "opensAt":
    case "dueAt":
      return t("assignments.form.dateTimeNeeded");
    default:
      return undefined;
  }
}

const box = "flex min-h-11 min-w-11 items-center gap-3 rounded-lg border border-line-strong px-3 has-checked:border-accent has-disabled:opacity-60";
const legend = "font-semibold";

function FormBody(props: Props & { initial: AssignmentFormValues; published: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const { initial, published, packs } = props;
  const [packId, setPackId] = useState(initial.pack);
  const [topics, setTopics] = useState<string[]>(initial.topics);
  const [forms, setForms] = useState<QuestionForm[]>(initial.forms);
  const [questionMode, setQuestionMode] = useState(initial.questionMode);
  const pack = packs.find((p) => p.id === packId) ?? packs[0];
  const matching = pack ? countMatchingFacts(pack.facts, topics, forms) : 0;
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  const { fields, pending, onSubmit } = useActionForm(
    async (form) => {
      const data = new FormData(form);
      const text = (name: string) => String(data.get(name) ?? "");
      const values = {
        title: text("title"),
        pack: packId,
        topics,
        forms,
        questionMode,
        questionCount: text("questionCount"),
        opensAt: text("opensAt"),
        dueAt: text("dueAt"),
        timeZone: text("timeZone"),
        attemptsAllowed: text("attemptsAllowed"),
        timeLimitMinutes: text("timeLimitMinutes"),
        masteryGoal: text("masteryGoal"),
        feedback: text("feedback"),
        answerKey: text("answerKey"),
        attemptMode: text("attemptMode"),
      };
      return props.mode === "create"
        ? createAssignmentAction(props.classId, values)
        : { ...(await updateAssignmentAction(props.assignmentId, values)), data: { id: props.assignmentId } };
    },
    // A draft goes to its preview (the next step is publishing); a published one to its page.
    ({ id }) => router.push(`/classes/${props.classId}/assignments/${id}${published ? "" : "/preview"}`),
  );
  const fieldError = fieldErrors(t, fields);
  // The schema's refusals arrive as errors.INVALID_INPUT: say what the field needs instead.
  const error = (name: string) => (fields[name] === "errors.INVALID_INPUT" ? (needs(t, name) ?? fieldError(name)) : fieldError(name));

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <Field label={t("assignments.form.title")} name="title" defaultValue={initial.title} maxLength={MAX_TITLE} required error={error("title")} />

      <Section title={t("assignments.form.questions")}>
        {published && <p className="text-sm text-muted">{t("assignments.form.questionsFixed")}</p>}
        <fieldset disabled={published} className="flex flex-col gap-4">
          {packs.length > 1 && (
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">{t("assignments.form.pack")}</span>
              <select
                value={packId}
                onChange={(e) => {
                  const next = packs.find((p) => p.id === e.target.value);
                  setPackId(e.target.value);
                  setTopics([]);
                  setForms(next ? [...next.forms] : []);
                }}
                className="min-h-11 min-w-11 rounded-lg border border-line-strong bg-raised px-2 text-base"
              >
                {packs.map((p) => (
                  <option key={p.id} value={p.id}>{p.title}</option>
                ))}
              </select>
            </label>
          )}
          {pack && (
            <fieldset className="flex flex-col gap-2" aria-describedby="topics-hint">
              <legend className={legend}>{t("assignments.form.topics", { pack: pack.title })}</legend>
              <p id="topics-hint" className="text-sm text-muted">{t("assignments.form.topicsHint")}</p>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                {pack.topics.map((topic) => (
                  <label key={topic.name} className={box}>
                    <input type="checkbox" checked={topics.includes(topic.name)} onChange={(e) => setTopics(toggle(topics, topic.name, e.target.checked))} className="size-5" />
                    <span className="flex-1">{topic.name}</span>
                    <span className="text-sm text-muted">{t("assignments.form.factCount", { n: topic.factCount })}</span>
                  </label>
                ))}
              </div>
              <FieldError text={error("topics")} />
            </fieldset>
          )}
          {pack && (
            <fieldset className="flex flex-col gap-2">
              <legend className={legend}>{t("assignments.form.forms")}</legend>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {pack.forms.map((form) => (
                  <label key={form} className={box}>
                    <input type="checkbox" checked={forms.includes(form)} onChange={(e) => setForms(toggle(forms, form, e.target.checked))} className="size-5" />
                    {t(`forms.${form}`)}
                  </label>
                ))}
              </div>
              <FieldError text={error("forms")} />
            </fieldset>
          )}
          <fieldset className="flex flex-col gap-2">
            <legend className={legend}>{t("assignments.form.length")}</legend>
            <label className={box}>
              <input type="radio" name="questionMode" value="count" checked={questionMode === "count"} onChange={() => setQuestionMode("count")} className="size-5" />
              {t("assignments.form.countMode")}
            </label>
            {questionMode === "count" && (
              <Field
                label={t("assignments.form.questionCount")}
                name="questionCount"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUESTIONS}
                defaultValue={initial.questionCount}
                hint={t("assignments.form.range", { min: 1, max: MAX_QUESTIONS })}
                error={error("questionCount")}
              />
            )}
            <label className={box}>
              <input type="radio" name="questionMode" value="all" checked={questionMode === "all"} onChange={() => setQuestionMode("all")} className="size-5" />
              {t("assignments.form.allMode")}
            </label>
            <p className="text-sm text-fg-soft" aria-live="polite" data-testid="matching-facts">
              {t("assignments.form.matching", { n: matching })}
            </p>
          </fieldset>
        </fieldset>
      </Section>

      <Section title={t("assignments.form.schedule")}>
        <Field label={t("assignments.form.opensAt")} name="opensAt" type="datetime-local" defaultValue={initial.opensAt} required error={error("opensAt")} />
        <Field label={t("assignments.form.dueAt")} name="dueAt" type="datetime-local" defaultValue={initial.dueAt} required error={error("dueAt")} />
        <Field label={t("assignments.form.timeZone")} name="timeZone" defaultValue={initial.timeZone} autoComplete="off" hint={t("assignments.form.timeZoneHint")} error={error("timeZone")} />
      </Section>

      <Section title={t("assignments.form.rules")}>
        <Field
          label={t("assignments.form.attemptsAllowed")}
          name="attemptsAllowed"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_ATTEMPTS}
          defaultValue={initial.attemptsAllowed}
          hint={t("assignments.form.range", { min: 1, max: MAX_ATTEMPTS })}
          error={error("attemptsAllowed")}
        />
        <Field
          label={t("assignments.form.timeLimit")}
          name="timeLimitMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          defaultValue={initial.timeLimitMinutes}
          hint={t("assignments.form.timeLimitHint")}
          error={error("timeLimitMinutes")}
        />
        <Field
          label={t("assignments.form.masteryGoal")}
          name="masteryGoal"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          defaultValue={initial.masteryGoal}
          hint={t("assignments.form.masteryGoalHint")}
          error={error("masteryGoal")}
        />
        <fieldset className="flex flex-col gap-2">
          <legend className={legend}>{t("assignments.form.feedback")}</legend>
          <label className={box}>
            <input type="radio" name="feedback" value="each" defaultChecked={initial.feedback === "each"} className="size-5" />
            {t("assignments.feedback.each")}
          </label>
          <label className={box}>
            <input type="radio" name="feedback" value="end" defaultChecked={initial.feedback === "end"} className="size-5" />
            {t("assignments.feedback.end")}
          </label>
        </fieldset>
        <fieldset className="flex flex-col gap-2" aria-describedby="answer-key-hint">
          <legend className={legend}>{t("assignments.form.answerKey")}</legend>
          {answerKeyModes.map((mode) => (
            <label key={mode} className={box}>
              <input type="radio" name="answerKey" value={mode} defaultChecked={initial.answerKey === mode} className="size-5" />
              {t(`assignments.answerKey.${mode}`)}
            </label>
          ))}
          <p id="answer-key-hint" className="text-sm text-muted">{t("assignments.form.answerKeyHint")}</p>
        </fieldset>
        <fieldset className="flex flex-col gap-2" aria-describedby="attempt-mode-hint">
          <legend className={legend}>{t("assignments.form.attemptMode")}</legend>
          {attemptModes.map((mode) => (
            <label key={mode} className={box}>
              <input type="radio" name="attemptMode" value={mode} defaultChecked={initial.attemptMode === mode} className="size-5" />
              {t(`assignments.attemptMode.${mode}`)}
            </label>
          ))}
          <p id="attempt-mode-hint" className="text-sm text-muted">{t("assignments.form.attemptModeHint")}</p>
        </fieldset>
      </Section>

      <FieldError text={error("_") ?? error("assignment")} />
      <SubmitButton disabled={pending}>
        {props.mode === "create" ? t("assignments.form.saveDraft") : t("assignments.form.save")}
      </SubmitButton>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-4 border-t border-line pt-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function FieldError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <p role="alert" className="text-sm text-bad">{text}</p>;
}
