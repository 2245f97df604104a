"use server";
import { randomInt } from "node:crypto";
import { gradeAnswer } from "@/lib/core/grade";
import { getBank } from "@/lib/server/content/bank";
import { AppError, AppErrorCode, toActionResult, type ActionResult } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import { answerKey, answerText, pickPracticeQuestions, toPublicQuestion } from "./data";
import { checkAnswerInput, startPracticeInput, type CheckedAnswer, type PublicQuestion } from "./schema";

// Practice is open to everyone, signed in or not: these actions read the public bank only and
// write nothing.

export async function startPracticeAction(raw: unknown): Promise<ActionResult<PublicQuestion[]>> {
  return toActionResult(async () => {
    const input = parseInput(startPracticeInput, raw);
    const bank = getBank();
    if (!bank.packs.some((p) => p.id === input.pack)) throw new AppError(AppErrorCode.NotFound);
    const random = () => randomInt(0, 2 ** 32) / 2 ** 32;
    return pickPracticeQuestions(bank.questions, input, random).map(toPublicQuestion);
  });
}

export async function checkAnswerAction(raw: unknown): Promise<ActionResult<CheckedAnswer>> {
  return toActionResult(async () => {
    const input = parseInput(checkAnswerInput, raw);
    const question = getBank().byId.get(input.questionId);
    if (!question) throw new AppError(AppErrorCode.NotFound);
    const grade = gradeAnswer(question, input.response);
    return {
      correct: grade.correct,
      partial: grade.partial,
      expected: answerText(question),
      key: answerKey(question),
      explanation: question.explanation,
      section: question.section,
    };
  });
}
