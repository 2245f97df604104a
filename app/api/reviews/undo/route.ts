import { getStudyItem } from "@/lib/features/study/data";
import { undoLastReview } from "@/lib/features/study/mutations";
import { undoInput } from "@/lib/features/study/schema";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { chargeReviews } from "@/lib/server/rate-limit";
import { jsonRoute, readJson } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

export const POST = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  chargeReviews(user.id, 1);
  const { clientId } = parseInput(undoInput, await readJson(request));
  const now = new Date();
  const card = await undoLastReview(db(), user.id, clientId);
  return { item: card ? await getStudyItem(db(), user.id, card, now, await getLocale()) : null };
});
