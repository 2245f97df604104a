"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A row of chips: one line that scrolls sideways on a phone (a wrapped block of chips pushed the
 * study card below the fold at 390 px), wrapped lines from `sm` up. The chosen chip
 * (`aria-current`) is scrolled into view on load, or the learner could not see which one is on.
 */
export function ScrollRow({ label, children }: { label: string; children: ReactNode }) {
  const row = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = row.current;
    const current = nav?.querySelector<HTMLElement>("[aria-current]");
    // Only the row moves: scrollIntoView would also scroll the page.
    if (nav && current) nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, []);
  // -mx-4 px-4: the row scrolls to the screen's edges through the page's own padding (main's px-4).
  return (
    <nav
      ref={row}
      aria-label={label}
      className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 *:shrink-0 *:whitespace-nowrap sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
    >
      {children}
    </nav>
  );
}
