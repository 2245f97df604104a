import { answeredFromChoices } from "@/lib/core/generate/fronts";
import { TRUE, type Question, type QuestionForm } from "@/lib/core/generate/types";
import { rngFor } from "@/lib/core/generate/hash";

/**
 * Flashcard fronts by preference: recall forms first (typed, numeric), then the ones that show
 * what to arrange (order, match), list recall (multi), an mc read as a recall prompt, an mc that
 * needs its options, and a true statement last. A false statement is never a front: its back
 * would teach the wrong fact's opposite, and its front states something untrue.
 */
const RANK: Record<QuestionForm, number> = { typed: 0, numeric: 1, order: 2, match: 3, multi: 4, mc: 5, tf: 7 };

function rank(q: Question): number {
  return q.form === "mc" && answeredFromChoices(q) ? 6 : RANK[q.form];
}

/**
 * The question a facet's flashcard shows: the best-ranked form other than `lastForm` (so fronts
 * still vary between reviews when the facet has two usable forms), one of its questions by
 * `seed`. A tf stating something false is left out; a true one only when nothing else is left.
 * null when no question makes a front (the session then shows the quiz card).
 */
export function pickFlashcardQuestion(questions: readonly Question[], lastForm: string | null, seed: string): Question | null {
  const usable = questions.filter((q) => q.form !== "tf" || q.answer === TRUE);
  const fronts = usable.some((q) => q.form !== "tf") ? usable.filter((q) => q.form !== "tf") : usable;
  if (fronts.length === 0) return null;
  const ranked = [...fronts].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const forms = [...new Set(ranked.map((q) => q.form))];
  const form = forms.find((f) => f !== lastForm) ?? forms[0];
  const ofForm = ranked.filter((q) => q.form === form);
  const best = ofForm.filter((q) => rank(q) === rank(ofForm[0]!));
  return best[rngFor(`flashcard/${seed}`).int(best.length)] ?? null;
}
