import { z } from "zod";
import { text } from "@/lib/core/text";

// Route and page inputs of the reports. Ids are only bounded here; access.ts decides whether the
// user may see them.

const id = text().min(1).max(64);

export const reportParams = z.object({ classId: id, assignmentId: id });
export const studentParams = reportParams.extend({ userId: id });
export const classParams = z.object({ classId: id });

export const csvKinds = ["students", "questions", "answers"] as const;
export type CsvKind = (typeof csvKinds)[number];

/** The attempt a page or export shows; absent means the counted one. */
const attemptNumber = z.coerce.number().int().min(1).max(1000).optional();

/** `?attempt=` of the per-student page. */
export const studentQuery = z.object({ attempt: attemptNumber });

/** `?kind=…[&student=…[&attempt=…]]` of the report's CSV route. */
export const reportCsvQuery = z.object({ kind: z.enum(csvKinds), student: id.optional(), attempt: attemptNumber });
export type ReportCsvQuery = z.infer<typeof reportCsvQuery>;

export const recallViews = ["students", "topics"] as const;
export type RecallView = (typeof recallViews)[number];

/**
 * `?sort=…&order=…&view=…` of the class recall page: sort is `name`, `overall` or a topic's
 * `pack/topic` key (one the page does not know falls back to name order); view is the phone's
 * list, by student or by topic.
 */
export const recallQuery = z.object({
  sort: text().min(1).max(300).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  view: z.enum(recallViews).optional(),
});
export type RecallQuery = z.infer<typeof recallQuery>;
