import { readPacks } from "@/lib/server/content/read-packs";
import { generateBank } from "@/lib/core/generate";
import { buildContext, toQuestion, validateQuestion } from "@/lib/core/generate/context";
const packs = readPacks();
const t0 = Date.now();
const bank = generateBank(packs);
console.error("ms", Date.now() - t0, "questions", bank.length);
const byForm: Record<string, number> = {};
for (const q of bank) byForm[q.form] = (byForm[q.form] ?? 0) + 1;
console.error(byForm);
const facts = new Set(bank.map(q => q.factId));
for (const f of packs[0]!.facts) {
  const forms = new Set(bank.filter(q => q.factId === f.id).map(q => q.form));
  if (forms.size < 2) console.error("FEW", f.kind, f.id, [...forms]);
}
require("fs").writeFileSync("/tmp/bank.json", JSON.stringify(bank, null, 1));
