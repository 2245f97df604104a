// Prints the question bank as ONE JSON object on stdout, byte-identical across runs:
//   { "packs": [{ "id", "title", "factCount" }], "questions": [{ "id", "pack", "factId", "kind",
//     "form", "prompt", "choices"?, "answer", "accept"?, "explanation", "section", ...extra }] }
// Problems in the content go to stderr with a non-zero exit code.
import { ContentError } from "@/lib/core/content/load";
import { generateBank, type Question } from "@/lib/core/generate";
import { readPacks } from "@/lib/server/content/read-packs";

/** The contract's fields first, in the contract's order; then the extra fields. */
function exported(q: Question): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: q.id,
    pack: q.pack,
    factId: q.factId,
    kind: q.kind,
    form: q.form,
    prompt: q.prompt,
  };
  if (q.choices) out.choices = q.choices;
  out.answer = q.answer;
  if (q.accept) out.accept = q.accept;
  out.explanation = q.explanation;
  out.section = q.section;
  out.facet = q.facet;
  out.variant = q.variant;
  if (q.tolerance !== undefined) out.tolerance = q.tolerance;
  if (q.unit !== undefined) out.unit = q.unit;
  if (q.pairs) out.pairs = q.pairs;
  return out;
}

try {
  const packs = readPacks();
  const questions = generateBank(packs);
  const body = {
    packs: packs.map((p) => ({ id: p.id, title: p.title, factCount: p.facts.length })),
    questions: questions.map(exported),
  };
  process.stdout.write(`${JSON.stringify(body)}\n`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  process.stderr.write(`${error.message}\n${error.issues.length} problem(s) in content\n`);
  process.exit(1);
}
