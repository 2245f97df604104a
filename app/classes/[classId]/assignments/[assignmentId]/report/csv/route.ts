import { reportCsv } from "@/lib/features/reports/csv";
import { csvRoute } from "@/lib/features/reports/route";
import { reportCsvQuery, reportParams } from "@/lib/features/reports/schema";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validate";

type Context = { params: Promise<{ classId: string; assignmentId: string }> };

/** `?kind=students|questions|answers[&student=<userId>[&attempt=<n>]]`: teacher of the class only. */
export function GET(request: Request, { params }: Context) {
  return csvRoute(async () => {
    const user = await requireUser();
    const { classId, assignmentId } = parseInput(reportParams, await params);
    const query = parseInput(reportCsvQuery, Object.fromEntries(new URL(request.url).searchParams));
    const { t } = await getT();
    return reportCsv(db(), user, classId, assignmentId, query, new Date(), t);
  });
}
