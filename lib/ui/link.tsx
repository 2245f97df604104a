"use client";
import NextLink from "next/link";
import { useState, type ComponentProps, type FocusEvent, type PointerEvent } from "react";

/**
 * The app's only link to its own pages: `next/link` that prefetches on intent (a pointer over it,
 * a finger on it, keyboard focus) instead of when it scrolls into view. Every page here is
 * rendered per request, so a viewport prefetch fetches little more than the route tree, yet the
 * phone decodes each answer on its main thread and the server renders each one: /study alone
 * fired 26 on load, and blocking them halved its Lighthouse TBT (bench/README.md). This is the
 * pattern of Next's prefetching guide ("Hover-triggered prefetch").
 */
export function Link({ onPointerEnter, onFocus, prefetch, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? prefetch : false}
      onPointerEnter={(event: PointerEvent<HTMLAnchorElement>) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
