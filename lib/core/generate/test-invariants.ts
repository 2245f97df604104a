/**
 * Test helper (not used by the generator): checks a generated bank against its packs and lists
 * every problem found. Structural checks (contract, distinct options, one correct option) apply
 * to every question; semantic checks re-derive from the facts that a distractor is wrong and a
 * true/false statement says what its answer claims.
 */
import type { DocumentFact, EventFact, Fact, Pack } from "@/lib/core/content/schema";
import { askableDate, possibleDates, validateQuestion } from "./context";
import { compatible } from "./dates";
import { questionId } from "./hash";
import { clause, keyOf, SAME_THING, similarity, splitName } from "./text";
import { defText } from "./kinds/term";
import { FALSE, MATCH_SEPARATOR, TRUE, type Question } from "./types";

/** Which fact field a facet asks. `year` asks the year of a date whose month is disputed. */
export const facetField: Record<string, string> = {
  date: "date",
  year: "date",
  place: "where",
  value: "value",
  title: "title",
  issuer: "issuer",
  items: "items",
  order: "items",
  gloss: "items",
  groups: "groups",
  definition: "definition",
};

/** Fields without which a fact has nothing to ask: when one is disputed, no question is fine. */
const essential: Record<Fact["kind"], string[]> = {
  event: ["date", "what"],
  quantity: ["value", "unit", "subject"],
  set: ["items", "name"],
  membership: ["groups", "name"],
  document: [],
  term: ["term", "definition"],
};

const numbersIn = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?(?:\/\d+)?/g)].map((m) => m[0]);
const toNumber = (s: string) => (s.includes("/") ? Number(s.split("/")[0]) / Number(s.split("/")[1]) : Number(s));

function sameThings(pack: Pack, f: EventFact | DocumentFact): (EventFact | DocumentFact)[] {
  const label = (x: EventFact | DocumentFact) => (x.kind === "event" ? x.what : x.title);
  return pack.facts.filter(
    (o): o is EventFact | DocumentFact => o.kind === f.kind && o.id !== f.id && similarity(label(o as EventFact | DocumentFact), label(f)) >= SAME_THING,
  );
}

export function bankProblems(packs: readonly Pack[], bank: readonly Question[]): string[] {
  const problems: string[] = [];
  const facts = new Map<string, { pack: Pack; fact: Fact }>();
  for (const pack of packs) for (const fact of pack.facts) facts.set(`${pack.id}/${fact.id}`, { pack, fact });
  const ids = new Set<string>();
  const forms = new Set<string>();
  const perFact = new Map<string, Question[]>();

  for (const q of bank) {
    const where = `${q.pack}/${q.factId}/${q.form}/${q.variant}`;
    const report = (message: string) => problems.push(`${where}: ${message}`);
    forms.add(q.form);
    perFact.set(`${q.pack}/${q.factId}`, [...(perFact.get(`${q.pack}/${q.factId}`) ?? []), q]);
    if (ids.has(q.id)) report("duplicate id");
    ids.add(q.id);
    if (q.id !== questionId(q.pack, q.factId, q.form, q.variant)) report("id is not the hash of pack/fact/form/variant");
    const invalid = validateQuestion(q);
    if (invalid) report(invalid);

    // Export contract
    const isList = Array.isArray(q.answer);
    if (["mc", "tf", "typed", "numeric"].includes(q.form) === isList) report("answer type breaks the contract");
    if (["mc", "multi", "order", "match"].includes(q.form) !== Boolean(q.choices)) report("choices presence breaks the contract");
    if (["typed", "numeric"].includes(q.form) && !Array.isArray(q.accept)) report("typed/numeric without accept");
    if (q.form === "match" && Array.isArray(q.answer) && !q.answer.every((a) => a.includes(MATCH_SEPARATOR))) report("match answer not left => right");
    if (!q.explanation.trim() || !q.prompt.trim() || !q.section.trim()) report("empty prompt, explanation or section");
    if (q.choices && Array.isArray(q.answer)) {
      const keys = new Set(q.choices.map(keyOf));
      const rights = q.form === "match" ? (q.pairs ?? []).map((p) => p.right) : q.answer;
      if (!rights.every((a) => keys.has(keyOf(a)))) report("answer not among choices");
    }

    const entry = facts.get(`${q.pack}/${q.factId}`);
    if (!entry) {
      report("unknown fact");
      continue;
    }
    const { pack, fact: f } = entry;
    if (q.kind !== f.kind || q.section !== f.section) report("kind or section differs from the fact");
    if (f.disputed) {
      if (!q.explanation.includes(clause(f.disputed.note))) report("explanation does not mention the dispute");
      const field = facetField[q.facet];
      if (field === f.disputed.field) {
        const sameYear =
          q.facet === "year" && new Set([...f.disputed.values.map((v) => String(v).slice(0, 4)), "date" in f ? f.date.slice(0, 4) : ""]).size === 1;
        if (!sameYear) report(`asks the disputed field ${field}`);
      }
    }
    problems.push(...semanticProblems(pack, f, q).map((m) => `${where}: ${m}`));
  }

  for (const [key, { fact }] of facts) {
    const questions = perFact.get(key) ?? [];
    const factForms = new Set(questions.map((q) => q.form));
    if (factForms.size < 2) {
      const excused = questions.length === 0 && fact.disputed && essential[fact.kind].includes(fact.disputed.field);
      if (!excused) problems.push(`${key}: only ${factForms.size} form(s)`);
    }
    const byFacet = new Map<string, Set<string>>();
    for (const q of questions) byFacet.set(q.facet, new Set([...(byFacet.get(q.facet) ?? []), q.form]));
    for (const [facet, set] of byFacet) if (set.size < 2) problems.push(`${key}: facet ${facet} has one form`);
  }
  return problems;
}

/** Re-derives from the facts that what a question marks right is right and the rest is wrong. */
function semanticProblems(pack: Pack, f: Fact, q: Question): string[] {
  const out: string[] = [];
  const wrongChoices = q.choices?.filter((c) => (Array.isArray(q.answer) ? !q.answer.includes(c) : c !== q.answer)) ?? [];
  switch (f.kind) {
    case "event":
    case "document": {
      const years = new Set([...possibleDates(f), ...sameThings(pack, f).flatMap(possibleDates)].map((d) => d.y));
      const own = askableDate(f);
      if (q.form === "mc" && q.variant === "year") {
        if (q.answer !== `${own?.date.y}年`) out.push("year answer is not the fact's year");
        for (const c of wrongChoices) if (years.has(parseInt(c, 10))) out.push(`year distractor ${c} is a year of this happening`);
      }
      if (q.form === "tf" && q.variant === "year") {
        const claimed = Number(/(\d{4})年。$/.exec(q.prompt)?.[1]);
        if ((q.answer === TRUE) !== (claimed === own?.date.y)) out.push("tf year statement and answer disagree");
        if (q.answer === FALSE && years.has(claimed)) out.push("false year is a year of this happening");
      }
      if (q.form === "mc" && q.variant === "reverse") {
        const date = own?.date;
        for (const c of wrongChoices) {
          const o = pack.facts.find(
            (x): x is EventFact | DocumentFact =>
              (x.kind === "event" && clause(x.what) === c) || (x.kind === "document" && `《${x.title}》` === c),
          );
          if (!o) out.push(`reverse option ${c} is no fact`);
          else if (date && possibleDates(o).some((d) => compatible(d, date))) out.push(`reverse option ${c} may be at the same date`);
        }
      }
      if (f.kind === "document" && q.form === "tf" && q.variant === "title") {
        const title = /^《(.+)》是/.exec(q.prompt)?.[1];
        const doc = pack.facts.find((x): x is DocumentFact => x.kind === "document" && x.title === title);
        const date = own?.date;
        if (!doc || !date) out.push("title tf names no document");
        else if (q.answer === TRUE && doc.id !== f.id) out.push("title tf true names another document");
        else if (q.answer === FALSE && possibleDates(doc).some((d) => compatible(d, date))) out.push("title tf false may be true");
      }
      if (f.kind === "event" && q.facet === "place") {
        if (q.form === "mc" && q.answer !== f.where) out.push("place answer is not the fact's place");
        if (q.form === "tf" && (q.answer === TRUE) !== q.prompt.endsWith(`地点是${f.where}。`)) out.push("place tf disagrees");
      }
      if (q.form === "order") {
        const dates = (q.answer as string[]).map((a) => {
          const o = pack.facts.find(
            (x): x is EventFact | DocumentFact =>
              (x.kind === "event" && clause(x.what) === a) || (x.kind === "document" && `《${x.title}》` === a),
          );
          return o ? askableDate(o)?.date : undefined;
        });
        for (let i = 1; i < dates.length; i++) {
          const a = dates[i - 1];
          const b = dates[i];
          if (!a || !b || compatible(a, b) || a.y > b.y || (a.y === b.y && (a.m ?? 0) > (b.m ?? 0))) out.push("timeline not strictly ordered");
        }
      }
      break;
    }
    case "quantity": {
      const value = toNumber(String(f.value));
      const disputedValues = (f.disputed?.values ?? []).map((v) => toNumber(String(v)));
      if (q.form === "mc") {
        if (toNumber(numbersIn(q.answer as string)[0] ?? "") !== value) out.push("mc answer is not the value");
        for (const c of wrongChoices) {
          const n = toNumber(numbersIn(c)[0] ?? "");
          if (Math.abs(n - value) < value * 0.1 - 1e-9 || disputedValues.includes(n)) out.push(`value distractor ${c} too close to the value`);
        }
      }
      if (q.form === "tf") {
        const claimed = toNumber(numbersIn(q.prompt.slice(clause(f.subject).length))[0] ?? "");
        if (q.answer === TRUE && claimed !== value) out.push("true statement with a wrong value");
        if (q.answer === FALSE && Math.abs(claimed - value) < value * 0.1 - 1e-9) out.push("false statement too close to the value");
        const floor = ["超过", "超", "逾", "以上", "多"].includes(f.approx ?? "");
        if (q.answer === FALSE && floor && !(q.prompt.includes("不足") && claimed < value)) out.push("false statement about a floor may be true");
      }
      if (q.form === "numeric" && toNumber(q.answer as string) !== value) out.push("numeric answer is not the value");
      break;
    }
    case "set": {
      const items = new Set(f.items.map((i) => keyOf(i.term)));
      if (q.form === "multi") {
        for (const a of q.answer as string[]) if (!items.has(keyOf(a))) out.push(`multi answer ${a} is not an item`);
        for (const c of wrongChoices) if (items.has(keyOf(c))) out.push(`multi distractor ${c} is an item`);
      }
      if (q.form === "tf" && q.facet === "items") {
        const m = /^“(.+)”是|^(.+?)是.+之一。$|包括“?(.+?)”?。$/.exec(q.prompt);
        const claimed = m?.[1] ?? m?.[2] ?? m?.[3] ?? "";
        if ((q.answer === TRUE) !== items.has(keyOf(claimed.replace(/‘/g, "“").replace(/’/g, "”")))) out.push(`set tf disagrees (${claimed})`);
      }
      if (q.form === "order" && (q.answer as string[]).some((a, i, all) => i > 0 && f.items.findIndex((x) => x.term === a) < f.items.findIndex((x) => x.term === all[i - 1]))) {
        out.push("set order differs from the fact");
      }
      if (q.form === "mc" && q.facet === "order") {
        const k = Number(/pos-(\d+)/.exec(q.variant)?.[1]);
        if (f.items[k - 1]?.term !== q.answer) out.push("position answer wrong");
      }
      if (q.form === "match") for (const p of q.pairs ?? []) if (clause(f.items.find((i) => i.term === p.left)?.gloss ?? "") !== p.right) out.push("gloss pair wrong");
      break;
    }
    case "membership": {
      const groups = Object.entries(f.groups);
      const groupOf = (m: string) => groups.filter(([, members]) => members.some((x) => keyOf(x) === keyOf(m))).map(([l]) => l);
      if (q.form === "multi") {
        const n = Number(/(?:group|province)-(\d+)/.exec(q.variant)?.[1]);
        const [label] = groups[n - 1] ?? [];
        for (const a of q.answer as string[]) if (!label || !groupOf(a).includes(label)) out.push(`multi answer ${a} not in ${label}`);
        for (const c of wrongChoices) if (label && groupOf(c).includes(label)) out.push(`multi distractor ${c} is in ${label}`);
      }
      if (q.form === "match") for (const p of q.pairs ?? []) if (!groupOf(p.left).includes(p.right)) out.push(`match pair ${p.left} wrong`);
      if (q.form === "mc" && q.variant === "outsider") {
        if (groupOf(q.answer as string).length > 0) out.push("outsider is a member");
        for (const c of wrongChoices) if (groupOf(c).length === 0) out.push(`outsider distractor ${c} is no member`);
      }
      if (q.form === "tf") {
        const core = splitName(clause(f.name)).core;
        const oneOf = new RegExp(`^(.+)是${core.replace(/[()（）]/g, ".")}之一。$`).exec(q.prompt);
        if (oneOf?.[1]) {
          if ((q.answer === TRUE) !== groupOf(oneOf[1]).length > 0) out.push("membership tf disagrees");
        } else {
          const m = /([^，“”]+?)”?(?:属于|对应“)([^“”。]+)”?。$/.exec(q.prompt.split("，").slice(1).join("，"));
          const member = (m?.[1] ?? "").replace(/^“/, "");
          if (!m || (q.answer === TRUE) !== groupOf(member).includes(m[2] ?? "")) out.push(`membership tf disagrees (${q.prompt})`);
        }
      }
      break;
    }
    case "term": {
      const def = defText(f.definition);
      if (q.form === "mc" && q.variant === "definition" && q.answer !== def) out.push("definition answer wrong");
      if (q.form === "mc" && q.variant === "term" && q.answer !== f.term) out.push("term answer wrong");
      if (q.form === "tf" && (q.answer === TRUE) !== q.prompt.endsWith(`：${def}。`)) out.push("term tf disagrees");
      break;
    }
  }
  return out;
}
