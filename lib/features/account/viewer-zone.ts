import "server-only";
import { cache } from "react";
import { DEFAULT_SETTINGS } from "@/lib/core/schedule";
import { getSettings } from "@/lib/features/study/data";
import { getOptionalUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

/**
 * The signed-in reader's time zone (their study settings), once per request: times rendered on
 * the server name their zone only when it is not this one (formatInZone).
 */
export const getViewerTimeZone = cache(async (): Promise<string> => {
  const user = await getOptionalUser();
  return user ? (await getSettings(db(), user.id)).timeZone : DEFAULT_SETTINGS.timeZone;
});
