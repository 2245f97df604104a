import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone instead of squeezing its columns. The scroller
 * is focusable and named, so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-line focus-visible:outline-2 focus-visible:outline-focus">
      <table className="w-full border-collapse text-left text-sm">{children}</table>
    </div>
  );
}

export const th = "border-b border-line-strong px-3 py-2 font-medium whitespace-nowrap";
export const td = "border-b border-line px-3 py-2 align-top";
