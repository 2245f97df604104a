import type { MembershipFact } from "@/lib/core/content/schema";
import { countAccept, toChineseNumber } from "../accept";
import { chunk, isDisputed, listText, rngOf, takeDistinct, type Draft, type PackContext } from "../context";
import { bareCity, provinceOf, provinceOfCity, YRD_CITIES } from "../gazetteer";
import { clause, keyOf, keysClash, looksOpen, quote, splitName } from "../text";
import { FALSE, MATCH_SEPARATOR, TRUE } from "../types";

interface Group {
  label: string;
  members: string[];
  index: number;
}

/**
 * A membership (label → members) has one facet, "groups". Forms: match member ⇄ group,
 * multi per group (distractors: members of the other groups, which certainly are not in this
 * one; and, for a complete list of cities by province, cities of the same province that are not
 * members), mc, true/false, and for cities by province a typed count.
 *
 * "Complete" means the name and note do not say the list is partial (等, 点名, 举例…): only then
 * is a city outside the list certainly outside the group.
 */
export function membershipQuestions(ctx: PackContext, f: MembershipFact): Draft[] {
  if (isDisputed(f, "groups")) return [];
  const raw: Group[] = Object.entries(f.groups).map(([label, members], index) => ({ label, members, index }));
  // A member listed under two groups has no single right group: leave it out of every question.
  const count = new Map<string, number>();
  for (const g of raw) for (const m of g.members) count.set(m, (count.get(m) ?? 0) + 1);
  const groups = raw
    .map((g) => ({ ...g, members: g.members.filter((m) => count.get(m) === 1) }))
    .filter((g) => g.members.length > 0);
  if (groups.length === 0) return [];
  const all = groups.flatMap((g) => g.members);
  const allKeys = all.map(keyOf);
  if (new Set(allKeys).size !== all.length) return [];
  const labels = groups.map((g) => g.label);
  if (new Set(labels.map(keyOf)).size !== labels.length) return [];

  const { core, dimension } = splitName(clause(f.name));
  // Grouped by province (labels are provinces): plain wording, no quotes. Cities by province
  // (most members are cities of the gazetteer): same-province outsiders become possible.
  const byProvince = labels.every((l) => provinceOf(l) !== undefined);
  const cities = all.filter((m) => provinceOfCity(m) !== undefined).length * 2 >= all.length;
  const geo = byProvince && cities;
  const complete = !looksOpen(f.name, f.note);
  const show = (m: string) => (byProvince ? m : quote(m));
  const showLabel = (l: string) => (byProvince ? l : quote(l));
  const listed = groups.map((g) => `${showLabel(g.label)}：${g.members.join("、")}`).join("；");
  const why = byProvince ? `${core}中，${listed}` : `在${quote(f.name)}中，${listed}`;
  const context = byProvince ? `${core}中，` : `在${quote(f.name)}中，`;
  const dimensionWord = dimension ?? "省级行政区";
  /** 「属于安徽省」 for provinces; 「对应“骨干河道”」 for other labels. */
  const belongs = (l: string) => (byProvince ? `属于${l}` : `对应${quote(l)}`);

  /** Cities of the label's province that are not members (only for a complete list of cities). */
  const outsiders = (label: string): string[] => {
    if (!geo || !complete) return [];
    const province = provinceOf(label);
    const cities = province ? (YRD_CITIES[province] ?? []) : [];
    const mentioned = cities.filter((c) => ctx.mentionedCities.has(c));
    const rest = cities.filter((c) => !ctx.mentionedCities.has(c));
    return [...mentioned, ...rest].filter((c) => {
      const key = keyOf(c);
      return !all.some((m, i) => bareCity(m) === c || keysClash(allKeys[i] as string, key));
    });
  };

  const drafts: Draft[] = [];

  // match: members (taken round-robin over the groups) ⇄ their group
  if (groups.length >= 2) {
    const rng = rngOf(ctx, f, "match");
    const queues = groups.map((g) => rng.shuffle(g.members).map((m) => ({ left: m, right: g.label })));
    const order: { left: string; right: string }[] = [];
    for (let i = 0; order.length < all.length; i++) for (const q of queues) if (q[i]) order.push(q[i] as { left: string; right: string });
    const size = ctx.settings.matchSize + 1;
    const rounds = chunk(order, size).slice(0, 3);
    rounds.forEach((pairs, k) => {
      if (pairs.length < 2) return;
      const used = [...new Set(pairs.map((p) => p.right))];
      const extra = rng.shuffle(labels.filter((l) => !used.includes(l))).slice(0, Math.max(0, 6 - used.length));
      drafts.push({
        form: "match",
        facet: "groups",
        variant: rounds.length === 1 ? "all" : `set-${k + 1}`,
        prompt: byProvince
          ? `请为下列${cities ? "城市" : "各项"}选出它们在${core}中所属的${dimensionWord}。`
          : `按照${quote(f.name)}，将下列各项与对应的一项配对。`,
        choices: rng.shuffle([...used, ...extra]),
        answer: pairs.map((p) => `${p.left}${MATCH_SEPARATOR}${p.right}`),
        pairs,
        why,
      });
    });
  }

  // multi per group: members of the other groups as distractors; cities of the same province too
  for (const g of groups) {
    const others = groups.filter((o) => o !== g).flatMap((o) => o.members);
    const parts = chunk(g.members, 6);
    parts.forEach((part, k) => {
      const suffix = parts.length === 1 ? "" : `-part-${k + 1}`;
      const rng = rngOf(ctx, f, `multi-${g.index}-${k}`);
      const want = part.length <= 3 ? 6 - part.length : 3;
      if (g.members.length >= 2 || groups.length >= 3) {
        const distractors = takeDistinct(rng.shuffle(others), g.members, want);
        if (distractors.length >= 2) {
          drafts.push({
            form: "multi",
            facet: "groups",
            variant: `group-${g.index + 1}${suffix}`,
            prompt: `${context}下列哪些${belongs(g.label)}？`,
            choices: rng.shuffle([...part, ...distractors]),
            answer: part,
            why: `${context}${byProvince ? "" : "对应"}${showLabel(g.label)}的有${listText(g.members)}`,
          });
        }
      }
      const outside = takeDistinct(outsiders(g.label), all, want);
      if (outside.length >= 2) {
        drafts.push({
          form: "multi",
          facet: "groups",
          variant: `province-${g.index + 1}${suffix}`,
          prompt: `下列${g.label}的城市中，哪些属于${core}？`,
          choices: rng.shuffle([...part, ...outside]),
          answer: part,
          why: `${core}中，${g.label}的城市是${listText(g.members)}；${listText(outside)}不在其中`,
        });
      }
    });
  }

  // mc
  const allOutsiders = [...new Set(groups.flatMap((g) => outsiders(g.label)))];
  const outsiderMc = geo && complete && allOutsiders.length > 0 && all.length >= ctx.settings.mcOptions - 1;
  if (outsiderMc) {
    const rng = rngOf(ctx, f, "outsider");
    const answer = rng.pick(allOutsiders) as string;
    const members = rng.shuffle(all).slice(0, ctx.settings.mcOptions - 1);
    drafts.push({
      form: "mc",
      facet: "groups",
      variant: "outsider",
      prompt: `下列城市中，哪一个不属于${core}？`,
      choices: rng.shuffle([answer, ...members]),
      answer,
      why: `${answer}不在${core}之列；${listText(members)}都属于${core}`,
    });
  }
  // Which province a listed city is in is geography, not the list: with an outsider question,
  // cities by province get no mc on their groups.
  if (outsiderMc) {
    // nothing more
  } else if (labels.length >= 3) {
    for (const g of groups) {
      const rng = rngOf(ctx, f, `label-${g.index}`);
      const member = rng.pick(g.members) as string;
      const distractors = rng.shuffle(labels.filter((l) => l !== g.label)).slice(0, ctx.settings.mcOptions - 1);
      drafts.push({
        form: "mc",
        facet: "groups",
        variant: `label-${g.index + 1}`,
        prompt: byProvince ? `${context}${member}属于哪个${dimensionWord}？` : `${context}${show(member)}对应的是？`,
        choices: rng.shuffle([g.label, ...distractors]),
        answer: g.label,
        why: `${context}${show(member)}${belongs(g.label)}`,
      });
    }
  } else if (groups.length >= 2) {
    for (const g of groups) {
      const rng = rngOf(ctx, f, `member-${g.index}`);
      const member = rng.pick(g.members) as string;
      const others = groups.filter((o) => o !== g).flatMap((o) => o.members);
      const distractors = takeDistinct(rng.shuffle(others), [member], ctx.settings.mcOptions - 1);
      if (distractors.length < 2) continue;
      drafts.push({
        form: "mc",
        facet: "groups",
        variant: `member-${g.index + 1}`,
        prompt: `${context}下列哪一项${belongs(g.label)}？`,
        choices: rng.shuffle([member, ...distractors]),
        answer: member,
        why: `${context}${byProvince ? "" : "对应"}${showLabel(g.label)}的有${listText(g.members)}`,
      });
    }
  }

  // tf: a member in its group, or a certainly wrong statement
  {
    const rng = rngOf(ctx, f, "tf");
    const g = rng.pick(groups) as Group;
    const member = rng.pick(g.members) as string;
    const outsider = rng.pick(allOutsiders);
    const otherLabel = rng.pick(labels.filter((l) => l !== g.label));
    const truth = (outsider === undefined && otherLabel === undefined) || rng.chance(0.5);
    let prompt: string;
    let because: string;
    // Cities by province with a complete list: is a city on the list (the province is geography).
    if (truth) {
      prompt = outsider !== undefined ? `${member}是${core}之一。` : `${context}${show(member)}${belongs(g.label)}。`;
      because = `${context}${byProvince ? "" : "对应"}${showLabel(g.label)}的有${listText(g.members)}`;
    } else if (outsider !== undefined) {
      prompt = `${outsider}是${core}之一。`;
      because = `${outsider}不在${core}之列。${why}`;
    } else {
      prompt = `${context}${show(member)}${belongs(otherLabel as string)}。`;
      because = `${context}${show(member)}${belongs(g.label)}，而不是${showLabel(otherLabel as string)}`;
    }
    drafts.push({ form: "tf", facet: "groups", variant: "statement", prompt, answer: truth ? TRUE : FALSE, why: because });
  }

  // typed count, for a complete list of cities by province
  if (geo && complete) {
    const largest = [...groups].sort((a, b) => b.members.length - a.members.length || a.index - b.index)[0];
    if (largest && largest.members.length >= 2) {
      drafts.push({
        form: "typed",
        facet: "groups",
        variant: `count-${largest.index + 1}`,
        prompt: `${core}中，属于${largest.label}的有几个？`,
        answer: String(largest.members.length),
        accept: countAccept(largest.members.length, "个"),
        why: `${core}中，${largest.label}有${toChineseNumber(largest.members.length)}个：${largest.members.join("、")}`,
      });
    }
  }

  return drafts;
}
