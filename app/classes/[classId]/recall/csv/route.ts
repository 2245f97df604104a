import { recallCsv } from "@/lib/features/reports/csv";
import { csvRoute } from "@/lib/features/reports/route";
import { classParams } from "@/lib/features/reports/schema";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validate";

type Context = { params: Promise<{ classId: string }> };

/** The class's recall forecast as CSV: teacher of the class only. */
export function GET(_request: Request, { params }: Context) {
  return csvRoute(async () => {
    const user = await requireUser();
    const { classId } = parseInput(classParams, await params);
    const { t, locale } = await getT();
    return recallCsv(db(), user, classId, new Date(), t, locale);
  });
}
