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
  upcoming: "border-line-strong text-fg-soft",
  not_started: "border-line-strong text-fg",
  in_progress: "border-info bg-info-soft text-info",
  submitted: "border-ok bg-ok-soft text-ok",
  late: "border-warn bg-warn-soft text-warn",
  missing: "border-bad bg-bad-soft text-bad",
};

export function StatusBadge({ status, label }: { status: StudentStatus; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium ${tone[status]}`} data-testid="status">
      <span aria-hidden="true">{statusSymbol[status]}</span>
      {label}
    </span>
  );
}
