import { overrideReview } from "@/lib/features/study/mutations";
import { overrideInput } from "@/lib/features/study/schema";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { jsonRoute, readJson } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

export const POST = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  const { reviewClientId } = parseInput(overrideInput, await readJson(request));
  return overrideReview(db(), user.id, reviewClientId, new Date());
});
