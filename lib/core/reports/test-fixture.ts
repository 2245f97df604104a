/**
 * The hand-computed report fixture, shared by the unit tests (item-analysis.test.ts, where the
 * expected figures are worked out) and the data-layer tests (test/db/reports.test.ts, which
 * inserts the same rows). Questions are passed in so the database tests can use bank questions.
 */
import type { Question } from "@/lib/core/generate/types";
import { FALSE, TRUE } from "@/lib/core/generate/types";
import type { Response } from "@/lib/core/grade";
import type { AssignmentTimes, ExtensionTimes } from "@/lib/core/assignments/status";
import type { ReportAttempt } from "./attempts";

export interface FixtureQuestions {
  /** Four choices, one correct. */
  mc: Question;
  /** Answer TRUE. */
  tf: Question;
  typed: Question;
  /** At least one wrong choice. */
  multi: Question;
}

export interface FixtureAnswer {
  questionId: string;
  response: Response;
  correct: boolean;
  score: number;
}

export interface FixtureAttempt extends ReportAttempt {
  answers: FixtureAnswer[];
}

export interface FixtureStudent {
  key: string;
  name: string;
  extension: ExtensionTimes | null;
  attempts: FixtureAttempt[];
}

const at = (iso: string) => new Date(iso);

export const FIXTURE_ASSIGNMENT: AssignmentTimes = {
  opensAt: at("2026-03-01T00:00:00Z"),
  dueAt: at("2026-03-10T12:00:00Z"),
  timeLimitMinutes: null,
  attemptsAllowed: 3,
};
export const FIXTURE_NOW = at("2026-03-11T00:00:00Z");
export const FIXTURE_MASTERY_GOAL = 0.75;

export function reportFixture(q: FixtureQuestions): FixtureStudent[] {
  const mcWrong = (i: number) => {
    const choice = (q.mc.choices ?? []).filter((c) => c !== q.mc.answer)[i];
    if (choice === undefined) throw new Error("the mc question needs three wrong choices");
    return choice;
  };
  const multiAnswer = Array.isArray(q.multi.answer) ? q.multi.answer : [q.multi.answer];
  const multiWrong = (q.multi.choices ?? []).find((c) => !multiAnswer.includes(c));
  if (multiWrong === undefined || q.tf.answer !== TRUE) throw new Error("unsuitable fixture questions");

  const right = (question: Question): FixtureAnswer => ({ questionId: question.id, response: question.answer, correct: true, score: 1 });
  const wrong = (question: Question, response: Response): FixtureAnswer => ({ questionId: question.id, response, correct: false, score: 0 });
  const mc = { right: right(q.mc), wrong: (i: number) => wrong(q.mc, mcWrong(i)) };
  const tf = { right: right(q.tf), wrong: wrong(q.tf, FALSE) };
  const typed = { right: right(q.typed), wrong: wrong(q.typed, "黄河"), blank: wrong(q.typed, "") };
  const multi = {
    right: right(q.multi),
    wrong: wrong(q.multi, [multiWrong]),
    half: { questionId: q.multi.id, response: [multiAnswer[0] ?? ""], correct: false, score: 0.5 },
  };
  const submitted = (number: number, start: string, end: string, score: number, answers: FixtureAnswer[]): FixtureAttempt => ({
    number,
    startedAt: at(start),
    deadline: null,
    submittedAt: at(end),
    score,
    answers,
  });

  return [
    {
      // Second attempt is the best: it counts. 10:00 → 10:12:30 = 750 s.
      key: "A",
      name: "安娜",
      extension: null,
      attempts: [
        submitted(1, "2026-03-09T10:00:00Z", "2026-03-09T10:10:00Z", 0.5, [mc.right, tf.wrong, typed.right, multi.wrong]),
        submitted(2, "2026-03-10T10:00:00Z", "2026-03-10T10:12:30Z", 1, [mc.right, tf.right, typed.right, multi.right]),
      ],
    },
    {
      // A second attempt is open: "in progress", but the first still counts; 2 attempts used. 1200 s.
      key: "B",
      name: "Bob, \"the builder\"",
      extension: null,
      attempts: [
        submitted(1, "2026-03-09T09:00:00Z", "2026-03-09T09:20:00Z", 0.75, [mc.right, tf.right, typed.right, multi.wrong]),
        { number: 2, startedAt: at("2026-03-10T23:00:00Z"), deadline: null, submittedAt: null, score: null, answers: [mc.wrong(1)] },
      ],
    },
    {
      key: "C",
      name: "陈晨",
      extension: null,
      attempts: [submitted(1, "2026-03-10T08:00:00Z", "2026-03-10T08:05:00Z", 0.75, [mc.right, tf.wrong, typed.right, multi.right])],
    },
    {
      // Submitted an hour after the due date: late. 1800 s.
      key: "D",
      name: "=丁一",
      extension: null,
      attempts: [submitted(1, "2026-03-10T12:30:00Z", "2026-03-10T13:00:00Z", 0.5, [mc.wrong(0), tf.right, typed.right, multi.wrong])],
    },
    {
      // No row for the mc question and a blank typed answer: both "no answer".
      key: "E",
      name: "鄂尔",
      extension: null,
      attempts: [submitted(1, "2026-03-10T11:00:00Z", "2026-03-10T11:30:00Z", 0.5, [tf.right, typed.blank, multi.right])],
    },
    {
      // Two attempts with the same score: the earlier one counts (it picked the first wrong mc option).
      key: "F",
      name: "费凡",
      extension: null,
      attempts: [
        submitted(1, "2026-03-08T10:00:00Z", "2026-03-08T10:04:00Z", 0.125, [mc.wrong(0), tf.wrong, typed.wrong, multi.half]),
        submitted(2, "2026-03-09T10:00:00Z", "2026-03-09T10:03:00Z", 0.125, [mc.wrong(2), tf.wrong, typed.wrong, multi.half]),
      ],
    },
    // An extension past `now` and nothing started: not started.
    { key: "G", name: "葛格", extension: { extraMinutes: 0, dueAt: at("2026-03-12T12:00:00Z") }, attempts: [] },
    // Nothing, past the due date: missing.
    { key: "H", name: "何禾", extension: null, attempts: [] },
    {
      // An open attempt whose time limit runs to 00:30: in progress; its answers count nowhere.
      key: "I",
      name: "伊依",
      extension: null,
      attempts: [{ number: 1, startedAt: at("2026-03-10T23:30:00Z"), deadline: at("2026-03-11T00:30:00Z"), submittedAt: null, score: null, answers: [mc.right] }],
    },
  ];
}
