"use client";
import { Link } from "@/lib/ui/link";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { signOutHere } from "@/lib/features/account/sign-out";

/** A disclosure menu (button + list): opens on click or tap, closes on Escape or outside click. */
export function UserMenu({ name }: { name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const item = "flex min-h-11 min-w-11 w-full items-center px-4 text-left hover:bg-sunken focus-visible:bg-sunken";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="user-menu"
        aria-label={`${t("nav.menu")}: ${name}`}
        onClick={() => setOpen((v) => !v)}
        className="flex min-h-11 min-w-11 max-w-40 items-center gap-1 rounded-lg px-3 font-medium hover:bg-sunken focus-visible:outline-2 focus-visible:outline-focus"
      >
        <span className="truncate">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id="user-menu" className="absolute right-0 z-10 mt-1 w-48 overflow-hidden rounded-lg border border-line bg-raised py-1 shadow-lg">
          <li>
            <Link href="/account" className={item} onClick={() => setOpen(false)}>
              {t("nav.account")}
            </Link>
          </li>
          <li>
            <button type="button" className={item} onClick={() => void signOutHere()}>
              {t("nav.signOut")}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
