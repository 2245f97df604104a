"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { locales, LOCALE_COOKIE } from "@/lib/i18n";
import { toActionResult, type ActionResult } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validate";

/** Anyone may switch language; the choice is a cookie that lasts a year. */
export async function setLocaleAction(locale: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const value = parseInput(z.enum(locales), locale);
    (await cookies()).set(LOCALE_COOKIE, value, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    revalidatePath("/", "layout");
    return undefined;
  });
}
