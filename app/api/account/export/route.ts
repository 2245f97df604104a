import { contentDisposition } from "@/lib/core/reports";
import { exportAccountData } from "@/lib/features/account/data";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { jsonRoute } from "@/lib/server/route";

/** "Download my data": everything stored about the signed-in user, as a JSON file. */
export const GET = jsonRoute(async () => {
  const user = await requireUser();
  const now = new Date();
  const data = await exportAccountData(db(), user.id, now);
  const filename = `delta-recall-${now.toISOString().slice(0, 10)}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(filename, filename),
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
});
