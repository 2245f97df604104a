"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { toActionResult, type ActionResult } from "@/lib/server/errors";
import { formObject, parseInput } from "@/lib/server/validate";
import { resetCardForUser, saveSettings, unsuspendCard } from "./mutations";
import { cardIdInput } from "./schema";

export async function unsuspendCardAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    const { cardId } = parseInput(cardIdInput, formObject(form));
    await unsuspendCard(db(), user.id, cardId, new Date());
    revalidatePath("/study/leeches");
    return undefined;
  });
}

export async function resetCardAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    const { cardId } = parseInput(cardIdInput, formObject(form));
    await resetCardForUser(db(), user.id, cardId, new Date());
    revalidatePath("/study/leeches");
    return undefined;
  });
}

export async function saveSettingsAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    await saveSettings(db(), user.id, formObject(form));
    revalidatePath("/study", "layout");
    return undefined;
  });
}
