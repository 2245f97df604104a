"use client";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";

/** From `sm` up the sections start open; on a phone they start closed (the page was 55,000 px tall). */
const WIDE = "(min-width: 40rem)";

function normalize(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, "");
}

/**
 * The deck page's search and section behaviour, over the server-rendered reader (`root`): typing
 * hides the facts (`[data-fact]`) that do not contain the text and opens every section; a link
 * to a section opens it. Limit: it edits the rendered DOM's `hidden` and `open`, which the server
 * components under it never re-render on the client.
 */
export function DeckSearch({ root }: { root: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<number | null>(null);
  const opened = useRef(false);

  function search(text: string) {
    setQuery(text);
    const container = document.getElementById(root);
    if (!container) return;
    const wanted = normalize(text);
    let count = 0;
    for (const section of container.querySelectorAll<HTMLDetailsElement>("details[data-section]")) {
      let inSection = 0;
      for (const fact of section.querySelectorAll<HTMLElement>("[data-fact]")) {
        const shown = wanted === "" || normalize(fact.textContent ?? "").includes(wanted);
        fact.hidden = !shown;
        if (shown) inSection += 1;
      }
      count += inSection;
      section.hidden = wanted !== "" && inSection === 0;
      if (wanted !== "") section.open = true;
    }
    setMatches(wanted === "" ? null : count);
  }

  useEffect(() => {
    const container = document.getElementById(root);
    if (!container) return;
    const sections = [...container.querySelectorAll<HTMLDetailsElement>("details[data-section]")];
    if (!opened.current) {
      opened.current = true;
      if (window.matchMedia(WIDE).matches) for (const s of sections) s.open = true;
    }
    const openTarget = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (target instanceof HTMLDetailsElement) target.open = true;
    };
    openTarget();
    window.addEventListener("hashchange", openTarget);
    return () => window.removeEventListener("hashchange", openTarget);
  }, [root]);


  return (
    <div role="search" className="flex flex-col gap-1">
      <label htmlFor="deck-search" className="text-sm font-medium">
        {t("decks.search")}
      </label>
      <input
        id="deck-search"
        type="search"
        value={query}
        onChange={(e) => search(e.target.value)}
        placeholder={t("decks.searchPlaceholder")}
        autoComplete="off"
        className="min-h-11 w-full rounded-lg border border-line-strong bg-raised px-3 text-base"
      />
      <p role="status" className="min-h-5 text-sm text-muted" data-testid="deck-matches">
        {matches === null ? "" : matches === 0 ? t("decks.noMatches") : t("decks.matches", { n: matches })}
      </p>
    </div>
  );
}
