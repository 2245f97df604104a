import { overrideReview } from "@/lib/features/study/mutations";
import { overrideInput } from "@/lib/features/study/schema";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { chargeReviews } from "@/lib/server/rate-limit";
import { jsonRoute, readJson } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

export const POST = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  chargeReviews(user.id, 2);
  const { reviewClientId } = parseInput(overrideInput, await readJson(request));
  return overrideReview(db(), user.id, reviewClientId, new Date());
});
