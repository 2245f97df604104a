import { describe, expect, it } from "vitest";
import { messagesFor, translator } from "./index";

function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  return Object.values(node as Record<string, unknown>).flatMap(strings);
}

describe("plurals", () => {
  const en = translator(messagesFor("en"));
  const zh = translator(messagesFor("zh-CN"));

  it("says 1 of a thing in the singular in English", () => {
    expect(en("classes.studentCount", { count: 1 })).toBe("1 student");
    expect(en("classes.studentCount", { count: 2 })).toBe("2 students");
    expect(en("classes.studentCount", { count: 0 })).toBe("0 students");
    expect(en("decks.facts", { count: 1 })).toBe("1 fact");
    expect(en("stats.streakDays", { n: 1 })).toBe("1 day");
    expect(en("stats.streakDays", { n: 12 })).toBe("12 days");
    expect(en("assignments.form.matching", { n: 1 })).toBe("1 fact matches (at most one question per fact)");
    expect(en("assignments.form.matching", { n: 3 })).toBe("3 facts match (at most one question per fact)");
  });

  it("fills other placeholders inside a plural form", () => {
    expect(en("assignments.facts.minutesWithExtra", { n: 1, extra: 5 })).toBe("1 minute (plus 5)");
    expect(en("assignments.teacher.attemptsLine", { used: 0, allowed: 1 })).toBe("Handed in 0 of 1 attempt");
  });

  it("leaves Chinese as it is", () => {
    expect(zh("classes.studentCount", { count: 1 })).toBe("1 名学生");
  });

  it("every English plural names a count it is given and has an `other` form", () => {
    const plurals = strings(messagesFor("en")).filter((s) => s.includes(", plural,"));
    expect(plurals.length).toBeGreaterThan(10);
    for (const s of plurals) expect(s, s).toMatch(/other \{/);
  });

  it("no English count is written plural-only", () => {
    // "{n} days" reads "1 days": counts of things go through a plural.
    const bare = strings(messagesFor("en")).filter((s) => /\{(n|count)\} (student|fact|question|day|minute|review|card|lapse|attempt)s\b/.test(s));
    expect(bare).toEqual([]);
  });
});
