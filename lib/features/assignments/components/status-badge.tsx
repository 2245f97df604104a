import type { StudentStatus } from "@/lib/core/assignments/status";

// No hooks and no "use client": the badge renders in server and client components alike, and
// the caller passes the translated label.

/** A symbol beside the word: the status never rests on colour alone. */
export const statusSymbol: Record<StudentStatus, string> = {
  upcoming: "◷",
  not_started: "○",
  in_progress: "◐",
  submitted: "✓",
  late: "⚠",
  missing: "✗",
};

const tone: Record<StudentStatus, string> = {
  upcoming: "border-slate-300 text-slate-700 dark:text-slate-300",
  not_started: "border-slate-400 text-slate-800 dark:text-slate-200",
  in_progress: "border-sky-700 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  submitted: "border-green-700 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200",
  late: "border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  missing: "border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200",
};

export function StatusBadge({ status, label }: { status: StudentStatus; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${tone[status]}`} data-testid="status">
      <span aria-hidden="true">{statusSymbol[status]}</span>
      {label}
    </span>
  );
}
