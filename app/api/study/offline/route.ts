import { getOfflineBundle } from "@/lib/features/study/data";
import { offlineQuery } from "@/lib/features/study/schema";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { jsonRoute } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

/** The offline bundle of the signed-in learner: what the device may study without the network. */
export const GET = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  const params = new URL(request.url).searchParams;
  const query = parseInput(offlineQuery, { days: params.get("days") ?? undefined });
  return getOfflineBundle(db(), user.id, new Date(), await getLocale(), query.days);
});
