import "server-only";
import { contentDisposition } from "@/lib/core/reports";
import { AppError, errorResponse } from "@/lib/server/errors";
import type { CsvFile } from "./csv";

/**
 * Runs a CSV route: the file as a download, or the refusal as JSON with its status (as
 * lib/server/route.ts jsonRoute does); anything else is a bug, logged without reaching the client.
 */
export async function csvRoute(run: () => Promise<CsvFile>): Promise<Response> {
  try {
    const file = await run();
    return new Response(file.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(file.filename, file.fallback),
        // Students' names and scores: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    console.error(error);
    return Response.json({ error: "INTERNAL" }, { status: 500 });
  }
}
