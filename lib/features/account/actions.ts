"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { renewSession, requireUser } from "@/lib/server/auth/session";
import { SESSION_COOKIES } from "@/lib/server/auth/session-cookie";
import { db } from "@/lib/server/db/client";
import { AppError, AppErrorCode, toActionResult, type ActionResult } from "@/lib/server/errors";
import { allowHit, clientIp, signUpPerIp } from "@/lib/server/rate-limit";
import { formObject, parseInput } from "@/lib/server/validate";
import { createUser, deleteAccount, updateName, updatePassword } from "./mutations";
import { changeNameInput, changePasswordInput, deleteAccountInput, signUpInput } from "./schema";

export async function signUpAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return toActionResult(async () => {
    const input = parseInput(signUpInput, formObject(form));
    const ip = clientIp(await headers());
    if (!(await allowHit(db(), `signup:ip:${ip}`, signUpPerIp(), new Date()))) throw new AppError(AppErrorCode.RateLimited);
    const user = await createUser(db(), input);
    return { email: user.email };
  });
}

export async function changeNameAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    const { name } = parseInput(changeNameInput, formObject(form));
    await updateName(db(), user.id, name);
    revalidatePath("/", "layout");
    return undefined;
  });
}

export async function changePasswordAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    const input = parseInput(changePasswordInput, formObject(form));
    const sessionVersion = await updatePassword(db(), user.id, input.currentPassword, input.newPassword);
    await renewSession(sessionVersion);
    return undefined;
  });
}

export async function deleteAccountAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    const { password } = parseInput(deleteAccountInput, formObject(form));
    await deleteAccount(db(), user.id, password);
    // The session would already fail (requireUser re-reads the user); drop the cookie too.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) jar.delete(name);
    return undefined;
  });
}
