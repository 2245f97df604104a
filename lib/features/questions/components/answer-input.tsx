"use client";
import { useEffect, useMemo, useRef } from "react";
import type { Response } from "@/lib/core/grade";
import { MAX_RESPONSE_LENGTH } from "@/lib/core/grade/limits";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";
import { FALSE, MATCH_SEPARATOR, TRUE } from "@/lib/core/generate/types";
import type { PublicQuestion } from "@/lib/features/practice/schema";
import { answerLabel } from "../format";

const TF_CHOICES = [TRUE, FALSE] as const;

const option =
  "flex min-h-11 min-w-11 cursor-pointer items-center gap-3 rounded-lg border border-line-strong bg-raised px-3 py-2 has-checked:border-accent has-checked:bg-accent-soft has-disabled:cursor-default";

/** The empty response of a question: what the input starts from. */
export function emptyResponse(q: PublicQuestion): Response {
  if (q.form === "order") return q.choices ?? [];
  if (q.form === "multi") return [];
  if (q.form === "match") return (q.left ?? []).map(() => "");
  return "";
}

/** Whether a response is complete enough to submit. */
export function canSubmit(q: PublicQuestion, response: Response): boolean {
  if (typeof response === "string") return response.trim() !== "";
  if (q.form === "match") return response.every((r) => r !== "");
  if (q.form === "multi") return response.length > 0;
  return true;
}

interface Props {
  question: PublicQuestion;
  value: Response;
  onChange: (value: Response) => void;
  disabled: boolean;
}

/**
 * The answer control of each form. Native inputs throughout (radios, checkboxes, selects), so
 * keyboard and screen readers work without extra code; number keys pick choices 1–9.
 */
export function AnswerInput({ question: q, value, onChange, disabled }: Props) {
  const { t } = useI18n();
  const text = typeof value === "string" ? value : "";
  const list = useMemo(() => (typeof value === "string" ? [] : [...value]), [value]);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (q.form === "typed" || q.form === "numeric") firstField.current?.focus();
  }, [q.id, q.form]);

  useEffect(() => {
    if (disabled || !(q.form === "mc" || q.form === "tf" || q.form === "multi")) return;
    const choices = q.form === "tf" ? TF_CHOICES : (q.choices ?? []);
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement && event.target.type === "text") return;
      const index = Number(event.key) - 1;
      const choice = Number.isInteger(index) ? choices[index] : undefined;
      if (choice === undefined) return;
      if (q.form === "multi") onChange(list.includes(choice) ? list.filter((c) => c !== choice) : [...list, choice]);
      else onChange(choice);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [q, disabled, list, onChange]);

  switch (q.form) {
    case "mc":
    case "tf": {
      const choices = q.form === "tf" ? TF_CHOICES : (q.choices ?? []);
      return (
        <fieldset className="flex flex-col gap-2" disabled={disabled}>
          <legend className="sr-only">{q.prompt}</legend>
          {choices.map((choice, i) => (
            <label key={choice} className={option}>
              <input type="radio" name={`q-${q.id}`} value={choice} checked={text === choice} onChange={() => onChange(choice)} className="size-5 shrink-0" />
              <span className="text-sm text-muted" aria-hidden="true">{i + 1}</span>
              <span>{answerLabel(t, q.form, choice)}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "multi":
      return (
        <fieldset className="flex flex-col gap-2" disabled={disabled}>
          <legend className="mb-1 text-sm text-muted">{t("practice.multiHint")}</legend>
          {(q.choices ?? []).map((choice, i) => (
            <label key={choice} className={option}>
              <input
                type="checkbox"
                value={choice}
                checked={list.includes(choice)}
                onChange={(e) => onChange(e.target.checked ? [...list, choice] : list.filter((c) => c !== choice))}
                className="size-5 shrink-0"
              />
              <span className="text-sm text-muted" aria-hidden="true">{i + 1}</span>
              <span>{choice}</span>
            </label>
          ))}
        </fieldset>
      );
    case "typed":
    case "numeric":
      return (
        <div className="flex items-center gap-2">
          <input
            ref={firstField}
            type="text"
            inputMode={q.form === "numeric" ? "decimal" : "text"}
            aria-label={q.form === "numeric" ? t("practice.numericPlaceholder") : t("practice.typedPlaceholder")}
            placeholder={q.form === "numeric" ? t("practice.numericPlaceholder") : t("practice.typedPlaceholder")}
            value={text}
            maxLength={MAX_RESPONSE_LENGTH}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
            className="min-h-11 min-w-11 w-full rounded-lg border border-line-strong bg-raised px-3 text-base"
          />
          {q.unit && <span aria-label={t("practice.unit", { unit: q.unit })}>{q.unit}</span>}
        </div>
      );
    case "order": {
      const move = (from: number, to: number) => {
        const next = [...list];
        const [item] = next.splice(from, 1);
        if (item !== undefined) next.splice(to, 0, item);
        onChange(next);
      };
      return (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted">{t("practice.orderHint")}</p>
          <ol className="flex flex-col gap-2">
            {list.map((item, i) => (
              <li key={item} className="flex items-center gap-2 rounded-lg border border-line-strong bg-raised py-1 pl-3 pr-1">
                <span className="w-5 text-sm text-muted">{i + 1}</span>
                <span className="flex-1">{item}</span>
                <Button variant="ghost" type="button" disabled={disabled || i === 0} onClick={() => move(i, i - 1)} aria-label={`${t("practice.moveUp")}: ${item}`}>
                  ↑
                </Button>
                <Button variant="ghost" type="button" disabled={disabled || i === list.length - 1} onClick={() => move(i, i + 1)} aria-label={`${t("practice.moveDown")}: ${item}`}>
                  ↓
                </Button>
              </li>
            ))}
          </ol>
        </div>
      );
    }
    case "match":
      return (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted">{t("practice.matchHint")}</p>
          {(q.left ?? []).map((left, i) => (
            <label key={left} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
              <span className="font-medium sm:w-1/2">{left}</span>
              <select
                value={(list[i] ?? "").split(MATCH_SEPARATOR)[1] ?? ""}
                disabled={disabled}
                onChange={(e) => {
                  const next = [...list];
                  next[i] = e.target.value ? `${left}${MATCH_SEPARATOR}${e.target.value}` : "";
                  onChange(next);
                }}
                className="min-h-11 min-w-11 rounded-lg border border-line-strong bg-raised px-2 text-base sm:w-1/2"
              >
                <option value="">{t("practice.matchChoose")}</option>
                {(q.choices ?? []).map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      );
  }
}
