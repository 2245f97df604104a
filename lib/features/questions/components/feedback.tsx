"use client";
import type { QuestionForm } from "@/lib/core/generate/types";
import type { Response } from "@/lib/core/grade";
import { useI18n } from "@/lib/i18n/client";
import type { CheckedAnswer, PublicQuestion } from "@/lib/features/practice/schema";
import { answerLabel } from "../format";
import { markAnswer, type Marks } from "../marks";

type Result = CheckedAnswer | Pick<CheckedAnswer, "correct" | "partial">;

interface Props {
  /** The question as shown (its options, left-hand items); any id. */
  question: Pick<PublicQuestion, "form" | "choices" | "left">;
  /** What the learner answered (null: nothing). */
  response: Response | null;
  result: Result;
}

/**
 * An answered question: the options or rows marked where they were right or wrong (in place of
 * the answer control), then right or wrong in words and a symbol, the expected answer of a typed
 * or numeric question, the explanation and the source when `result` carries them (an assignment
 * may withhold its key: then only the learner's picks are marked, as far as the verdict tells).
 * Practice, study, assignments (taking and review) all show answers through this.
 */
export function Feedback({ question, response, result }: Props) {
  const marks = markAnswer(question, response, result);
  return (
    <>
      <MarkedAnswer marks={marks} form={question.form} />
      <Verdict result={result} form={question.form} listed={marks.kind !== "none"} />
    </>
  );
}

const tone = { right: "border-ok bg-ok-soft", wrong: "border-bad bg-bad-soft", none: "border-line-strong bg-raised" } as const;
const row = "flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border-2 px-3 py-2";

function Tag({ kind, children }: { kind: "right" | "wrong" | "neutral"; children: React.ReactNode }) {
  const symbol = kind === "right" ? "✓" : kind === "wrong" ? "✗" : "●";
  const colour = kind === "right" ? "text-ok" : kind === "wrong" ? "text-bad" : "text-fg-soft";
  return (
    <span className={`text-sm font-semibold ${colour}`} data-mark={kind}>
      <span aria-hidden="true">{symbol} </span>
      {children}
    </span>
  );
}

function MarkedAnswer({ marks, form }: { marks: Marks; form: QuestionForm }) {
  const { t } = useI18n();
  if (marks.kind === "none") return null;
  const sr = (right: boolean | null) => (right === null ? null : <span className="sr-only">{right ? t("practice.markRight") : t("practice.markWrong")}</span>);
  return (
    <section aria-label={t("practice.markedTitle")} data-testid="marked-answer">
      {marks.kind === "options" && (
        <ul className="flex flex-col gap-2">
          {marks.rows.map((m, i) => (
            <li key={m.option} className={`${row} ${m.key ? tone.right : m.pick === "wrong" ? tone.wrong : tone.none}`} data-option={m.option}>
              <span className="text-sm text-muted" aria-hidden="true">{i + 1}</span>
              <span className="flex-1">{answerLabel(t, form, m.option)}</span>
              {m.key && <Tag kind="right">{t("practice.markKey")}</Tag>}
              {m.picked && (
                <Tag kind={m.pick === "wrong" ? "wrong" : m.pick === "right" && !m.key ? "right" : "neutral"}>
                  {t("practice.markPick")}
                  {sr(m.pick === null ? null : m.pick === "right")}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      {marks.kind === "order" && (
        <ol className="flex flex-col gap-2">
          {marks.rows.map((m) => (
            <li key={m.item} className={`${row} ${m.right === true ? tone.right : m.right === false ? tone.wrong : tone.none}`} data-item={m.item}>
              <span className="text-sm text-muted">{t("practice.markPosition", { n: m.position })}</span>
              <span className="flex-1">{m.item}</span>
              {m.right === true && <Tag kind="right">{t("practice.correct")}</Tag>}
              {m.right === false && <Tag kind="wrong">{m.belongsAt === null ? t("practice.wrong") : t("practice.markBelongsAt", { n: m.belongsAt })}</Tag>}
            </li>
          ))}
        </ol>
      )}
      {marks.kind === "match" && (
        <ul className="flex flex-col gap-2">
          {marks.rows.map((m) => (
            <li key={m.left} className={`${row} ${m.right === true ? tone.right : m.right === false ? tone.wrong : tone.none}`} data-left={m.left}>
              <span className="font-medium sm:w-1/3">{m.left}</span>
              <span className="flex-1">
                <span className="sr-only">{t("practice.markPick")}: </span>
                {m.pick ?? t("practice.markNoPick")}
              </span>
              {m.right === true && <Tag kind="right">{t("practice.correct")}</Tag>}
              {m.right === false && (
                <Tag kind="wrong">{m.expected === null ? t("practice.wrong") : t("practice.expected", { answer: m.expected })}</Tag>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Right or wrong in words and a symbol, never by colour alone. `listed`: the marks above show the key. */
function Verdict({ result, form, listed }: { result: Result; form: QuestionForm; listed: boolean }) {
  const { t } = useI18n();
  const [label, symbol, box] = result.correct
    ? [t("practice.correct"), "✓", "border-ok bg-ok-soft"]
    : result.partial
      ? [t("practice.partial"), "◐", "border-warn bg-warn-soft"]
      : [t("practice.wrong"), "✗", "border-bad bg-bad-soft"];
  return (
    <div role="status" className={`flex flex-col gap-2 rounded-lg border-l-4 p-3 ${box}`} data-testid="feedback">
      <p className="font-semibold">
        <span aria-hidden="true">{symbol} </span>
        {label}
      </p>
      {"expected" in result && (
        <>
          {!result.correct && !listed && <p>{t("practice.expected", { answer: answerLabel(t, form, result.expected) })}</p>}
          <p>
            <span className="font-medium">{t("practice.explanation")}</span>
            {result.explanation}
          </p>
          <p className="text-sm text-muted">{t("practice.source", { section: result.section })}</p>
        </>
      )}
    </div>
  );
}
