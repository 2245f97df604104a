"use server";
import { revalidatePath } from "next/cache";
import { requireTeacher, requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { AppError, AppErrorCode, toActionResult, type ActionResult } from "@/lib/server/errors";
import { allowHit, joinKey } from "@/lib/server/rate-limit";
import { formObject, parseInput } from "@/lib/server/validate";
import { createClass, joinClass, regenerateJoinCode, removeStudent, setClassArchived } from "./mutations";
import { archiveInput, classIdInput, joinInput, removeStudentInput } from "./schema";

/** Join attempts per student: codes cannot be guessed by trying many. */
const JOIN_ATTEMPTS = { limit: 20, windowMs: 15 * 60_000 };

function revalidateClass(classId: string) {
  revalidatePath("/classes");
  revalidatePath(`/classes/${classId}`);
}

export async function createClassAction(form: FormData): Promise<ActionResult<{ classId: string }>> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const created = await createClass(db(), user, formObject(form), new Date());
    revalidatePath("/classes");
    return { classId: created.id };
  });
}

export async function regenerateJoinCodeAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const { classId } = parseInput(classIdInput, formObject(form));
    await regenerateJoinCode(db(), user, classId);
    revalidateClass(classId);
    return undefined;
  });
}

export async function setClassArchivedAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const { classId, archived } = parseInput(archiveInput, formObject(form));
    await setClassArchived(db(), user, classId, archived);
    revalidateClass(classId);
    return undefined;
  });
}

export async function removeStudentAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireTeacher();
    const { classId, userId } = parseInput(removeStudentInput, formObject(form));
    await removeStudent(db(), user, classId, userId);
    revalidateClass(classId);
    return undefined;
  });
}

export async function joinClassAction(form: FormData): Promise<ActionResult<{ classId: string; alreadyMember: boolean }>> {
  return toActionResult(async () => {
    const user = await requireUser();
    const { code } = parseInput(joinInput, formObject(form));
    const now = new Date();
    if (!(await allowHit(db(), joinKey(user.id), JOIN_ATTEMPTS, now))) throw new AppError(AppErrorCode.RateLimited);
    const joined = await joinClass(db(), user, code, now);
    revalidateClass(joined.classId);
    return joined;
  });
}
