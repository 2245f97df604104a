"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { toActionResult, type ActionResult } from "@/lib/server/errors";
import { formObject, parseInput } from "@/lib/server/validate";
import { resetCardForUser, saveSettings, unsuspendCard } from "./mutations";
import { cardIdInput } from "./schema";

/** A leech-list button: the card id comes from the form; the mutation checks it is the user's. */
function cardAction(change: typeof unsuspendCard) {
  return async (form: FormData): Promise<ActionResult> =>
    toActionResult(async () => {
      const user = await requireUser();
      const { cardId } = parseInput(cardIdInput, formObject(form));
      await change(db(), user.id, cardId, new Date());
      revalidatePath("/study/leeches");
      return undefined;
    });
}

export const unsuspendCardAction = cardAction(unsuspendCard);
export const resetCardAction = cardAction(resetCardForUser);

export async function saveSettingsAction(form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const user = await requireUser();
    await saveSettings(db(), user.id, formObject(form));
    revalidatePath("/study", "layout");
    return undefined;
  });
}
