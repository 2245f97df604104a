import "server-only";
import type { Fact, Pack } from "@/lib/core/content/schema";
import type { QuestionForm } from "@/lib/core/generate";
import { getBank } from "@/lib/server/content/bank";

/** The top-level heading of a fact's section: the topic a learner picks. */
export function topicOf(section: string): string {
  return section.split(" / ")[0]?.trim() ?? section;
}

export interface TopicSummary {
  name: string;
  factCount: number;
  questionCount: number;
}

export interface DeckSummary {
  id: string;
  title: string;
  titleEn: string;
  description: string | undefined;
  factCount: number;
  questionCount: number;
  topics: TopicSummary[];
  forms: QuestionForm[];
}

function summarize(pack: Pack): DeckSummary {
  const questions = getBank().questions.filter((q) => q.pack === pack.id);
  const topics = new Map<string, TopicSummary>();
  const topic = (name: string) => {
    let entry = topics.get(name);
    if (!entry) topics.set(name, (entry = { name, factCount: 0, questionCount: 0 }));
    return entry;
  };
  for (const f of pack.facts) topic(topicOf(f.section)).factCount += 1;
  for (const q of questions) topic(topicOf(q.section)).questionCount += 1;
  const forms = [...new Set(questions.map((q) => q.form))];
  return {
    id: pack.id,
    title: pack.title,
    titleEn: pack.titleEn,
    description: pack.description,
    factCount: pack.facts.length,
    questionCount: questions.length,
    topics: [...topics.values()],
    forms,
  };
}

export function listDecks(): DeckSummary[] {
  return getBank().packs.map(summarize);
}

export function getDeckSummary(packId: string): DeckSummary | undefined {
  const pack = getBank().packs.find((p) => p.id === packId);
  return pack && summarize(pack);
}

type Of<K extends Fact["kind"]> = Extract<Fact, { kind: K }>;

export interface DeckReader {
  summary: DeckSummary;
  /** Events and documents by date (ties keep source order). */
  timeline: (Of<"event"> | Of<"document">)[];
  sets: Of<"set">[];
  memberships: Of<"membership">[];
  quantities: Of<"quantity">[];
  terms: Of<"term">[];
}

/** A pack laid out for reading: a timeline, the lists, the groups, the figures, the terms. */
export function getDeckReader(packId: string): DeckReader | undefined {
  const pack = getBank().packs.find((p) => p.id === packId);
  if (!pack) return undefined;
  const of = <K extends Fact["kind"]>(kind: K) => pack.facts.filter((f): f is Of<K> => f.kind === kind);
  const timeline = [...of("event"), ...of("document")]
    .map((f, index) => ({ f, index }))
    .sort((a, b) => a.f.date.localeCompare(b.f.date) || a.index - b.index)
    .map(({ f }) => f);
  return {
    summary: summarize(pack),
    timeline,
    sets: of("set"),
    memberships: of("membership"),
    quantities: of("quantity"),
    terms: of("term"),
  };
}

/** A short human label of a fact (lists of cards show it). */
export function factTitle(f: Fact): string {
  switch (f.kind) {
    case "event":
      return f.what;
    case "quantity":
      return f.subject;
    case "set":
    case "membership":
      return f.name;
    case "document":
      return `《${f.title}》`;
    case "term":
      return f.term;
  }
}

/** The label of a fact by pack and id, or the id when the fact is gone from the pack. */
export function factTitleById(pack: string, factId: string): string {
  const f = getBank().packs.find((p) => p.id === pack)?.facts.find((x) => x.id === factId);
  return f ? factTitle(f) : factId;
}
