// Validates every content pack and prints each problem as `file:line: message`.
import { ContentError } from "@/lib/core/content/load";
import { readPacks } from "@/lib/server/content/read-packs";

try {
  const packs = readPacks();
  for (const pack of packs) {
    const byKind = new Map<string, number>();
    for (const f of pack.facts) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    const counts = [...byKind].map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`${pack.id}: ${pack.facts.length} facts (${counts})`);
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  console.error(`${error.issues.length} problem(s) in content`);
  process.exit(1);
}
