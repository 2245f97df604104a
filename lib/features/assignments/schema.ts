import { z } from "zod";
import { text } from "@/lib/core/text";
import { MAX_RESPONSE_LENGTH } from "@/lib/core/grade/limits";
import type { FactForms } from "@/lib/core/assignments/select";
import type { StartRefusal, StudentStatus } from "@/lib/core/assignments/status";
import { isLocalDateTime, utcToLocal } from "@/lib/core/assignments/time";
import { questionForms, type QuestionForm } from "@/lib/core/generate/types";
import type { Response as AnswerResponse } from "@/lib/core/grade";
import { canonicalTimeZone, isValidTimeZone } from "@/lib/core/schedule/settings";
import type { CheckedAnswer, PublicQuestion } from "@/lib/features/practice/schema";

// Forms send text; numbers written as text are read, a blank is missing. Field messages that are
// not `errors.*` keys reach the form as errors.INVALID_INPUT (lib/server/validate.ts), so the
// rules that need their own message are checked in mutations.ts with `assignments.errors.*`.

function fromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

const intIn = (min: number, max: number) => z.preprocess(fromText, z.number().int().min(min).max(max));
const optionalIntIn = (min: number, max: number) =>
  z.preprocess((v) => fromText(v) ?? null, z.number().int().min(min).max(max).nullable());

const localDateTime = text().trim().refine(isLocalDateTime);
const id = text().min(1).max(64);
const formEnum = z.enum(questionForms as [QuestionForm, ...QuestionForm[]]);

export const feedbackModes = ["each", "end"] as const;
export type FeedbackMode = (typeof feedbackModes)[number];

/** When a handed-in attempt shows the answer key: once no attempts remain, or after each one. */
export const answerKeyModes = ["final", "each"] as const;
export type AnswerKeyMode = (typeof answerKeyModes)[number];

/** What a later attempt asks: the same questions in a new order, or another question of each facet. */
export const attemptModes = ["shuffle", "redraw"] as const;
export type AttemptMode = (typeof attemptModes)[number];

export const MAX_TITLE = 120;
export const MAX_ATTEMPTS = 10;
export const MAX_QUESTIONS = 200;
export const MAX_MINUTES = 600;
/** Bound of an attempt's item number ("all facts" can exceed MAX_QUESTIONS). */
const MAX_ITEMS = 10_000;

/** What can change after publication: everything but the questions. */
export const assignmentSettingsInput = z.object({
  title: text().trim().min(1).max(MAX_TITLE),
  /** Wall-clock date-times in `timeZone` ("YYYY-MM-DDTHH:mm"). */
  opensAt: localDateTime,
  dueAt: localDateTime,
  timeZone: text("errors.timeZoneInvalid")
    .trim()
    .refine(isValidTimeZone, "errors.timeZoneInvalid")
    .transform(canonicalTimeZone),
  attemptsAllowed: intIn(1, MAX_ATTEMPTS),
  timeLimitMinutes: optionalIntIn(1, MAX_MINUTES),
  /** Percent correct aimed for; stored as a share. */
  masteryGoal: optionalIntIn(1, 100),
  feedback: z.enum(feedbackModes),
  answerKey: z.enum(answerKeyModes).default("final"),
  attemptMode: z.enum(attemptModes).default("shuffle"),
});
export type AssignmentSettingsInput = z.infer<typeof assignmentSettingsInput>;

/** A whole draft: the settings and the filters the questions are chosen by. */
export const assignmentInput = assignmentSettingsInput
  .extend({
    pack: id,
    /** None: every topic of the pack. */
    topics: z.array(text().min(1).max(200)).max(100).default([]),
    forms: z.array(formEnum).min(1).max(questionForms.length),
    /** "all": one question for every fact in the topics. */
    questionMode: z.enum(["count", "all"]),
    questionCount: optionalIntIn(1, MAX_QUESTIONS),
  })
  .refine((a) => a.questionMode === "all" || a.questionCount !== null, { path: ["questionCount"] });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const assignmentIdInput = z.object({ assignmentId: id });

export const publishInput = z.object({
  assignmentId: id,
  /** Fingerprint of the questions the teacher previewed; publishing refuses if they changed since. */
  fingerprint: text().regex(/^[0-9a-f]{64}$/).optional(),
});

export const extensionInput = z.object({
  assignmentId: id,
  userId: id,
  extraMinutes: z.preprocess((v) => fromText(v) ?? 0, z.number().int().min(0).max(MAX_MINUTES)),
  /** A later due date, wall-clock in the assignment's zone; blank for none. */
  dueAt: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), localDateTime.nullable().default(null)),
});

export const attemptIdInput = z.object({ attemptId: id });

const bankId = text().regex(/^[0-9a-f]{8,64}$/);

/** A teacher's change to one question of a draft, from the preview (teachers see bank ids). */
export const draftQuestionInput = z.object({
  assignmentId: id,
  questionId: bankId,
  /** "facet": another question of the same facet; "fact": a question of another fact; "drop": remove it. */
  change: z.enum(["facet", "fact", "drop"]),
});

/** A student asks the teacher to accept a typed answer of a handed-in attempt (by item). */
export const flagAnswerInput = z.object({
  attemptId: id,
  item: z.number().int().min(0).max(MAX_ITEMS - 1),
});

/** The teacher accepts a student's answer: for that student only, or for everyone's same answer. */
export const acceptAnswerInput = z.object({
  attemptId: id,
  questionId: bankId,
  scope: z.enum(["student", "everyone"]),
});

export const answerInput = z.object({
  attemptId: id,
  /** The question's place in the assignment (AttemptQuestion.item), never its bank id. */
  item: z.number().int().min(0).max(MAX_ITEMS - 1),
  response: z.union([text().max(MAX_RESPONSE_LENGTH), z.array(text().max(MAX_RESPONSE_LENGTH)).max(50)]),
  durationMs: z.number().int().min(0).max(3_600_000).default(0),
});
export type AnswerInput = z.infer<typeof answerInput>;

/** An assignment row with its JSON columns read. */
export interface AssignmentView {
  id: string;
  classId: string;
  title: string;
  pack: string;
  topics: string[];
  forms: QuestionForm[];
  questionCount: number | null;
  /** Fixed at publication; empty for a draft. */
  questionIds: string[];
  opensAt: Date;
  dueAt: Date;
  timeZone: string;
  attemptsAllowed: number;
  timeLimitMinutes: number | null;
  /** Share correct (0-1) aimed for, or null. */
  masteryGoal: number | null;
  feedback: FeedbackMode;
  answerKey: AnswerKeyMode;
  attemptMode: AttemptMode;
  publishedAt: Date | null;
  createdAt: Date;
}

/**
 * A question as a student taking or reviewing an assignment gets it: addressed by `item`, its
 * place in the assignment, never by its bank id (the practice grader and the review API answer
 * for any bank id, so an id would let an open assignment's key be looked up). `id` is
 * `item-<n>`, for React keys and input names.
 */
export interface AttemptQuestion extends Omit<PublicQuestion, "id"> {
  id: string;
  item: number;
}

/** Right or wrong without the key: what a hand-in shows while the key is withheld. */
export type Verdict = Pick<CheckedAnswer, "correct" | "partial">;

/** One saved answer, as the student's device gets it back. */
export interface SavedAnswer {
  item: number;
  response: AnswerResponse;
  /** Only with feedback after each question (otherwise the result waits for the hand-in). */
  result: CheckedAnswer | null;
}

/** An attempt being taken: the questions without answers, and what was saved so far. */
export interface OpenAttempt {
  id: string;
  number: number;
  /** ISO; null without a time limit. */
  deadline: string | null;
  questions: AttemptQuestion[];
  answers: SavedAnswer[];
}

export interface ReviewedAnswer {
  question: AttemptQuestion;
  response: AnswerResponse | null;
  /** With the key only when the assignment's answerKey rule allows it (see answerKeyShown). */
  result: CheckedAnswer | Verdict;
  /** The student asked the teacher to accept this answer (typed answers graded wrong). */
  flagged: boolean;
  /** The teacher accepted it. */
  accepted: boolean;
}

export interface HandedInAttempt {
  id: string;
  number: number;
  submittedAt: Date;
  score: number;
  late: boolean;
}

/** Everything the student's assignment page shows. */
export interface TakeView {
  /** Without its questionIds: the student's side never gets bank ids (see AttemptQuestion). */
  assignment: Omit<AssignmentView, "questionIds"> & { className: string; extraMinutes: number; effectiveDueAt: Date };
  questionTotal: number;
  status: StudentStatus;
  attemptsUsed: number;
  /** Why a new attempt cannot start (null: it can, or one is open). */
  startRefusal: StartRefusal | null;
  open: OpenAttempt | null;
  handedIn: HandedInAttempt[];
  /** Question by question, the latest hand-in. */
  review: { attemptId: string; attemptNumber: number; keyShown: boolean; answers: ReviewedAnswer[] } | null;
}

/** What saving an answer returns. */
export interface AnswerSaved {
  item: number;
  result: CheckedAnswer | null;
}

/** The assignment form's fields, as text (what the inputs hold). */
export interface AssignmentFormValues {
  title: string;
  pack: string;
  topics: string[];
  forms: QuestionForm[];
  questionMode: "count" | "all";
  questionCount: string;
  opensAt: string;
  dueAt: string;
  timeZone: string;
  attemptsAllowed: string;
  timeLimitMinutes: string;
  masteryGoal: string;
  feedback: FeedbackMode;
  answerKey: AnswerKeyMode;
  attemptMode: AttemptMode;
}

const DEFAULT_QUESTIONS = 10;
const DEFAULT_DAYS = 7;

/** A new assignment: open now, due in a week at 23:59, in the teacher's zone; every form. */
export function defaultFormValues(pack: { id: string; forms: readonly QuestionForm[] }, timeZone: string, now: Date): AssignmentFormValues {
  const inAWeek = utcToLocal(new Date(now.getTime() + DEFAULT_DAYS * 86_400_000), timeZone);
  return {
    title: "",
    pack: pack.id,
    topics: [],
    forms: [...pack.forms],
    questionMode: "count",
    questionCount: String(DEFAULT_QUESTIONS),
    opensAt: utcToLocal(now, timeZone),
    dueAt: `${inAWeek.slice(0, 10)}T23:59`,
    timeZone,
    attemptsAllowed: "1",
    timeLimitMinutes: "",
    masteryGoal: "",
    feedback: "each",
    answerKey: "final",
    attemptMode: "shuffle",
  };
}

/** An assignment's values in its form, times shown in its own zone. */
export function toFormValues(a: AssignmentView): AssignmentFormValues {
  return {
    title: a.title,
    pack: a.pack,
    topics: a.topics,
    forms: a.forms,
    questionMode: a.questionCount === null ? "all" : "count",
    questionCount: a.questionCount === null ? String(DEFAULT_QUESTIONS) : String(a.questionCount),
    opensAt: utcToLocal(a.opensAt, a.timeZone),
    dueAt: utcToLocal(a.dueAt, a.timeZone),
    timeZone: a.timeZone,
    attemptsAllowed: String(a.attemptsAllowed),
    timeLimitMinutes: a.timeLimitMinutes === null ? "" : String(a.timeLimitMinutes),
    masteryGoal: a.masteryGoal === null ? "" : String(Math.round(a.masteryGoal * 100)),
    feedback: a.feedback,
    answerKey: a.answerKey,
    attemptMode: a.attemptMode,
  };
}

export interface PackOption {
  id: string;
  title: string;
  topics: { name: string; factCount: number }[];
  forms: QuestionForm[];
  /** For the form's live count of matching facts. */
  facts: FactForms[];
}
