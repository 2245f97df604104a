import { FALSE, MATCH_SEPARATOR, TRUE, type QuestionForm } from "@/lib/core/generate/types";

// Feedback per option and per row, from the learner's response and the structured key. Without
// the key (an assignment that withholds it) only what the verdict already tells is marked, so
// nothing here can reveal a right option the verdict does not.

type Response = string | readonly string[];

export interface MarkedQuestion {
  form: QuestionForm;
  choices?: readonly string[];
  left?: readonly string[];
}

export interface MarkedResult {
  correct: boolean;
  /** Absent when the key is withheld. */
  key?: string | readonly string[];
}

/** An option of mc, tf or multi. `key`: a right option (null: not known). `pick`: right or wrong pick (null: not known). */
export interface OptionMark {
  option: string;
  key: boolean | null;
  picked: boolean;
  pick: "right" | "wrong" | null;
}

/** A row of an order answer, in the learner's order. `belongsAt` (1-based) only when the row is wrong and the key is known. */
export interface OrderMark {
  item: string;
  position: number;
  right: boolean | null;
  belongsAt: number | null;
}

/** A left-hand item of a match with the learner's pick; `expected` only when the pick is wrong and the key is known. */
export interface MatchMark {
  left: string;
  pick: string | null;
  right: boolean | null;
  expected: string | null;
}

export type Marks =
  | { kind: "options"; rows: OptionMark[] }
  | { kind: "order"; rows: OrderMark[] }
  | { kind: "match"; rows: MatchMark[] }
  | { kind: "none" };

const list = (r: Response | null | undefined): readonly string[] => (r === null || r === undefined ? [] : typeof r === "string" ? [r] : r);

/** The marks of an answered question; "none" for typed and numeric (the expected text says it). */
export function markAnswer(q: MarkedQuestion, response: Response | null, result: MarkedResult): Marks {
  const known = result.key !== undefined;
  const key = list(result.key);
  const picks = list(response);
  switch (q.form) {
    case "mc":
    case "tf":
    case "multi": {
      const options = q.form === "tf" ? [TRUE, FALSE] : (q.choices ?? []);
      // One pick (mc, tf): right exactly when the verdict is. A multi's picks are each known only
      // with the key, or all right when the whole answer is.
      const single = q.form !== "multi";
      return {
        kind: "options",
        rows: options.map((option) => {
          const picked = picks.includes(option);
          const isKey = known ? key.includes(option) : null;
          const pick = !picked ? null : isKey !== null ? (isKey ? "right" : "wrong") : single || result.correct ? (result.correct ? "right" : "wrong") : null;
          return { option, key: isKey, picked, pick };
        }),
      };
    }
    case "order":
      return {
        kind: "order",
        rows: picks.map((item, i) => {
          const right = known ? key[i] === item : result.correct ? true : null;
          const at = known && !right ? key.indexOf(item) : -1;
          return { item, position: i + 1, right, belongsAt: at >= 0 ? at + 1 : null };
        }),
      };
    case "match":
      return {
        kind: "match",
        rows: (q.left ?? []).map((left, i) => {
          const rightOf = (pair: string | undefined) => (pair?.startsWith(`${left}${MATCH_SEPARATOR}`) ? pair.slice(left.length + MATCH_SEPARATOR.length) : null);
          const pick = rightOf(picks[i]) ?? rightOf(picks.find((p) => p.startsWith(`${left}${MATCH_SEPARATOR}`)));
          const expected = known ? rightOf(key.find((p) => p.startsWith(`${left}${MATCH_SEPARATOR}`))) : null;
          const right = known ? pick !== null && pick === expected : result.correct ? true : null;
          return { left, pick, right, expected: right === false ? expected : null };
        }),
      };
    case "typed":
    case "numeric":
      return { kind: "none" };
  }
}
