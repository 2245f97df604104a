import { z } from "zod";
import { text } from "@/lib/core/text";
import { MAX_RESPONSE_LENGTH } from "@/lib/core/grade/limits";
import { questionForms, type Question } from "@/lib/core/generate";
import { practiceLengths } from "./lengths";

export { practiceLengths };

export const startPracticeInput = z.object({
  pack: text().min(1).max(64),
  topics: z.array(text().min(1).max(200)).max(100),
  forms: z.array(z.enum(questionForms as [Question["form"], ...Question["form"][]])).min(1).max(7),
  length: z.union(practiceLengths.map((n) => z.literal(n)) as [z.ZodLiteral<5>, z.ZodLiteral<10>, z.ZodLiteral<20>]),
});
export type StartPracticeInput = z.infer<typeof startPracticeInput>;

export const checkAnswerInput = z.object({
  questionId: text().regex(/^[0-9a-f]{8,64}$/),
  response: z.union([text().max(MAX_RESPONSE_LENGTH), z.array(text().max(MAX_RESPONSE_LENGTH)).max(50)]),
});

/** What the browser gets of a question: never the answer, which stays on the server until graded. */
export interface PublicQuestion {
  id: string;
  form: Question["form"];
  prompt: string;
  choices?: string[];
  /** match: the left-hand prompts, in order. */
  left?: string[];
  unit?: string;
}

export interface CheckedAnswer {
  correct: boolean;
  partial: boolean;
  /** The correct answer, as text to show. */
  expected: string;
  /** The correct answer in the question's own terms (practice/data answerKey): marks options and rows. */
  key: string | string[];
  explanation: string;
  section: string;
}
