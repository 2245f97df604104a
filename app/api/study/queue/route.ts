import { getStudyQueue } from "@/lib/features/study/data";
import { queueQuery } from "@/lib/features/study/schema";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { jsonRoute } from "@/lib/server/route";
import { parseInput } from "@/lib/server/validate";

export const GET = jsonRoute(async (request: Request) => {
  const user = await requireUser();
  const params = new URL(request.url).searchParams;
  const filter = parseInput(queueQuery, {
    pack: params.get("pack") ?? undefined,
    topic: params.get("topic") ?? undefined,
    exclude: params.getAll("exclude"),
  });
  return getStudyQueue(db(), user.id, filter, new Date(), await getLocale(), filter.exclude);
});
