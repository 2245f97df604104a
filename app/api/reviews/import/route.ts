import { importGuestReviews } from "@/lib/features/study/mutations";
import { importInput } from "@/lib/features/study/schema";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { chargeReviews } from "@/lib/server/rate-limit";
import { jsonRoute, readJson } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

/** A guest's practice answers, sent once after sign-up, become the account's first reviews (once per account). */
export const POST = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  const { reviews } = parseInput(importInput, await readJson(request));
  // Each imported answer costs as much as a review.
  chargeReviews(user.id, Math.max(1, reviews.length));
  return { imported: await importGuestReviews(db(), user.id, reviews, new Date()) };
});
