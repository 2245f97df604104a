"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { text } from "@/lib/core/text";
import { requireTeacher, requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { toActionResult, type ActionResult } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";
import {
  acceptAnswer,
  changeDraftQuestion,
  createAssignment,
  flagAnswer,
  deleteAssignment,
  publishAssignment,
  saveAnswer,
  setExtension,
  startAttempt,
  submitAttempt,
  updateAssignment,
} from "./mutations";
import { assignmentIdInput, attemptIdInput, publishInput, type AnswerSaved } from "./schema";

const classIdInput = z.object({ classId: text().min(1).max(64) });

// ---- Teacher ----

export async function createAssignmentAction(classId: string, raw: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const input = parseInput(classIdInput, { classId });
    const created = await createAssignment(db(), user, input.classId, raw);
    return { id: created.id };
  });
}

export async function updateAssignmentAction(assignmentId: string, raw: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const input = parseInput(assignmentIdInput, { assignmentId });
    const updated = await updateAssignment(db(), user, input.assignmentId, raw);
    revalidatePath(`/classes/${updated.classId}/assignments`, "layout");
    return undefined;
  });
}

export async function deleteAssignmentAction(assignmentId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const input = parseInput(assignmentIdInput, { assignmentId });
    const { classId } = await deleteAssignment(db(), user, input.assignmentId);
    revalidatePath(`/classes/${classId}/assignments`);
    return undefined;
  });
}

export async function publishAssignmentAction(raw: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const input = parseInput(publishInput, raw);
    const published = await publishAssignment(db(), user, input.assignmentId, input.fingerprint, new Date());
    revalidatePath(`/classes/${published.classId}/assignments`, "layout");
    return undefined;
  });
}

export async function changeDraftQuestionAction(raw: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const changed = await changeDraftQuestion(db(), user, raw);
    revalidatePath(`/classes/${changed.classId}/assignments/${changed.id}/preview`);
    return undefined;
  });
}

export async function acceptAnswerAction(raw: unknown): Promise<ActionResult<{ regraded: number }>> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const accepted = await acceptAnswer(db(), user, raw);
    revalidatePath(`/classes/${accepted.classId}/assignments/${accepted.assignmentId}`, "layout");
    return { regraded: accepted.regraded };
  });
}

export async function setExtensionAction(raw: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const saved = await setExtension(db(), user, raw, new Date());
    revalidatePath(`/classes/${saved.classId}/assignments/${saved.assignmentId}`);
    return undefined;
  });
}

// ---- Student ----

export async function startAttemptAction(assignmentId: string): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult(async () => {
    const user = await requireUser();
    const input = parseInput(assignmentIdInput, { assignmentId });
    return startAttempt(db(), user.id, input.assignmentId, new Date());
  });
}

export async function saveAnswerAction(raw: unknown): Promise<ActionResult<AnswerSaved>> {
  return toActionResult(async () => {
    const user = await requireUser();
    return saveAnswer(db(), user.id, raw, new Date());
  });
}

export async function flagAnswerAction(raw: unknown): Promise<ActionResult<{ item: number }>> {
  return toActionResult(async () => {
    const user = await requireUser();
    return flagAnswer(db(), user.id, raw, new Date());
  });
}

export async function submitAttemptAction(attemptId: string): Promise<ActionResult<{ score: number }>> {
  return toActionResult(async () => {
    const user = await requireUser();
    const input = parseInput(attemptIdInput, { attemptId });
    return submitAttempt(db(), user.id, input.attemptId, new Date());
  });
}
