import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Fact } from "@/lib/core/content/schema";
import { gradeAnswer } from "@/lib/core/grade";
import { questionId, rngFor, sha256Hex } from "./hash";
import { generateBank } from "./index";
import { fixtureFacts, fixturePack, packOf } from "./test-fixtures";
import { bankProblems } from "./test-invariants";
import { keyOf } from "./text";
import { FALSE, TRUE, questionForms, type Question } from "./types";

const bank = generateBank([fixturePack]);
const of = (factId: string, form?: string, variant?: string) =>
  bank.filter((q) => q.factId === factId && (!form || q.form === form) && (!variant || q.variant === variant));
const one = (factId: string, form: string, variant: string): Question => {
  const found = of(factId, form, variant);
  expect(found, `${factId}/${form}/${variant}`).toHaveLength(1);
  return found[0] as Question;
};
const wrong = (q: Question) => (q.choices ?? []).filter((c) => (Array.isArray(q.answer) ? !q.answer.includes(c) : c !== q.answer));

describe("hash", () => {
  it("is SHA-256", () => {
    for (const text of ["", "abc", "yrd/hist-1982/mc/year", "长三角一体化".repeat(40)]) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });

  it("makes ids from pack/fact/form/variant", () => {
    expect(questionId("yrd", "f", "mc", "year")).toBe(sha256Hex("yrd/f/mc/year").slice(0, 16));
    for (const q of bank) expect(q.id).toBe(questionId(q.pack, q.factId, q.form, q.variant));
  });
});

describe("generateBank on the fixture pack", () => {
  it("holds every invariant", () => {
    expect(bankProblems([fixturePack], bank)).toEqual([]);
  });

  it("has all seven forms and gives every askable fact two forms", () => {
    expect(new Set(bank.map((q) => q.form))).toEqual(new Set(questionForms));
    for (const f of fixtureFacts) {
      const forms = new Set(of(f.id).map((q) => q.form));
      if (f.id === "q-services" || f.id === "e-disputed-years") expect(forms.size).toBe(0);
      else expect(forms.size, f.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("is deterministic and independent of other packs' presence for ids", () => {
    expect(JSON.stringify(generateBank([fixturePack]))).toBe(JSON.stringify(bank));
    const other = packOf(fixtureFacts.slice(0, 3), "other");
    const both = generateBank([other, fixturePack]).filter((q) => q.pack === "fx");
    expect(both.map((q) => q.id)).toEqual(bank.map((q) => q.id));
  });

  it("takes 3 options per mc when asked to", () => {
    const three = generateBank([fixturePack], { mcOptions: 3 });
    for (const q of three.filter((x) => x.form === "mc")) expect(q.choices).toHaveLength(3);
  });

  it("grades its own canonical answers as correct", () => {
    for (const q of bank) {
      const response = q.form === "match" ? (q.answer as string[]) : q.answer;
      expect(gradeAnswer(q, response).correct, `${q.factId}/${q.form}/${q.variant}`).toBe(true);
      for (const a of q.accept ?? []) expect(gradeAnswer(q, a).correct, `${q.factId} accepts ${a}`).toBe(true);
    }
  });
});

describe("events", () => {
  it("asks the year with nearby or story years, never a year of the same happening", () => {
    const q = one("e-1982-zone", "mc", "year");
    expect(q.prompt).toBe("国务院决定成立上海经济区是在哪一年？");
    expect(q.answer).toBe("1982年");
    expect(q.choices).toEqual([...(q.choices ?? [])].sort());
    for (const c of wrong(q)) expect(Math.abs(parseInt(c, 10) - 1982)).toBeLessThanOrEqual(10);
  });

  it("never offers the year another telling of the same happening gives", () => {
    const facts: Fact[] = [
      { id: "a", kind: "event", section: "s", date: "2010", what: "长三角区域合作办公室挂牌成立" },
      { id: "b", kind: "event", section: "s", date: "2011", what: "长三角区域合作办公室正式挂牌成立" },
      ...fixtureFacts.filter((f) => f.kind === "event").slice(0, 8),
    ];
    const qs = generateBank([packOf(facts)]);
    for (const q of qs.filter((x) => x.factId === "a" && (x.variant === "year" || x.variant === "reverse"))) {
      if (q.form === "mc") expect(q.choices).not.toContain(q.variant === "year" ? "2011年" : "长三角区域合作办公室正式挂牌成立");
      if (q.form === "tf" && q.answer === FALSE) expect(q.prompt).not.toContain("2011年");
    }
  });

  it("asks which happening took place at a date, offering only happenings certainly at another date", () => {
    const q = one("e-1982-office", "mc", "reverse");
    expect(q.prompt).toBe("下列哪件事发生在1982年12月22日？");
    // 国务院决定成立上海经济区 is dated only 1982: it may be the same day, so it is not offered.
    expect(q.choices).not.toContain("国务院决定成立上海经济区");
    const y = one("e-1982-zone", "mc", "reverse");
    expect(y.prompt).toBe("下列哪件事发生在1982年？");
    expect(y.choices).not.toContain("成立国务院上海经济区规划办公室");
  });

  it("accepts the spellings of years and months", () => {
    const year = one("e-1986-fujian", "typed", "year");
    expect(year.accept).toEqual(["1986年", "一九八六年", "一九八六"]);
    const month = one("e-1986-fujian", "typed", "month");
    expect(month.answer).toBe("1986年8月");
    expect(month.accept).toEqual(["1986-08", "1986.8", "一九八六年八月"]);
  });

  it("makes false statements with a year no telling of the happening has", () => {
    for (const q of bank.filter((x) => x.kind === "event" && x.form === "tf" && x.variant === "year")) {
      const f = fixtureFacts.find((x) => x.id === q.factId) as Extract<Fact, { kind: "event" }>;
      const claimed = /(\d{4})年。$/.exec(q.prompt)?.[1];
      expect(q.answer === TRUE, q.prompt).toBe(claimed === f.date.slice(0, 4));
    }
  });

  it("puts a timeline in order with dates that are certainly ordered", () => {
    const q = one("e-1983-conference", "order", "timeline");
    expect(q.choices).not.toEqual(q.answer);
    expect([...(q.choices ?? [])].sort()).toEqual([...(q.answer as string[])].sort());
  });

  it("asks the place when the clause does not give it away", () => {
    expect(of("e-2011-hefei").some((q) => q.facet === "place")).toBe(false); // 「在合肥举行」
    const q = one("e-2005-forum", "mc", "place");
    expect(q.answer).toBe("杭州");
  });

  it("never asks a date disputed across years", () => {
    expect(of("e-disputed-years")).toEqual([]);
  });
});

describe("quantities", () => {
  it("asks a value in its unit with exact tolerance", () => {
    const q = one("q-gdp", "numeric", "value");
    expect(q.prompt).toBe("2022年长三角地区生产总值为多少万亿元？");
    expect(q).toMatchObject({ answer: "29", tolerance: 0, unit: "万亿元" });
    expect(q.accept).toEqual(["29万亿元", "二十九", "二十九万亿元"]);
  });

  it("keeps the approximation word and allows a tolerance", () => {
    const q = one("q-cost", "numeric", "value");
    expect(q.prompt).toBe("跨省异地就医直接结算的医疗费用约为多少亿元？");
    expect(q.tolerance).toBeCloseTo(2.7);
    expect(q.explanation).toContain("约为54亿元");
    expect(one("q-urban", "numeric", "value").prompt).toBe("长三角常住人口城镇化率超过百分之多少？");
  });

  it("offers values of the same unit, clearly different, sorted", () => {
    for (const q of bank.filter((x) => x.kind === "quantity" && x.form === "mc")) {
      const f = fixtureFacts.find((x) => x.id === q.factId) as Extract<Fact, { kind: "quantity" }>;
      const value = typeof f.value === "number" ? f.value : eval(f.value);
      const n = (s: string) => {
        const m = /(\d+(?:\.\d+)?)(?:\/(\d+))?/.exec(s);
        return m?.[2] ? Number(m[1]) / Number(m[2]) : Number(m?.[1]);
      };
      for (const c of wrong(q)) {
        expect(Math.abs(n(c) - value) / value, `${q.factId}: ${c}`).toBeGreaterThanOrEqual(f.approx ? 0.2 - 1e-9 : f.unit === "比例" ? 0.15 - 1e-9 : 0.1 - 1e-9);
        expect(c.endsWith(f.unit === "比例" ? "" : f.unit)).toBe(true);
      }
      const values = (q.choices ?? []).map(n);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it("asks fractions as fractions and takes 四分之一 or 25%", () => {
    const q = one("q-gdp-share", "numeric", "value");
    expect(q.prompt).toBe("长三角经济总量占全国的比例接近多少？（用分数作答，如1/5）");
    expect(q.accept).toEqual(["四分之一", "25%"]);
    expect(gradeAnswer(q, "0.25").correct).toBe(true);
    expect(gradeAnswer(q, "1/5").correct).toBe(false);
  });

  it("never asks a disputed value, and says why in no question", () => {
    expect(of("q-services")).toEqual([]);
  });

  it("makes false statements with a value changed by a clear margin", () => {
    for (const q of bank.filter((x) => x.kind === "quantity" && x.form === "tf" && x.answer === FALSE)) {
      const f = fixtureFacts.find((x) => x.id === q.factId) as Extract<Fact, { kind: "quantity" }>;
      expect(q.prompt.startsWith(f.subject)).toBe(true);
      expect(q.prompt).not.toContain(`${f.value}${f.unit === "比例" ? "" : f.unit}`);
    }
  });
});

describe("sets", () => {
  it("asks which belong, with items of other lists as distractors", () => {
    const q = one("s-principles", "multi", "all");
    expect(q.prompt).toBe("下列哪些属于长三角一体化的基本原则？");
    expect(q.answer).toEqual(["创新共建", "协调共进", "绿色共保", "开放共赢", "民生共享"]);
    for (const c of wrong(q)) expect(fixtureFacts.some((f) => f.kind === "set" && f.id !== "s-principles" && f.items.some((i) => i.term === c))).toBe(true);
  });

  it("never offers a list's own name, its parent task or one of its items' sub-measures", () => {
    const tasks = of("s-tasks", "multi")[0] as Question;
    for (const c of wrong(tasks)) expect(["共同加强生态保护", "推进环境协同防治", "推动生态环境协同监管", "推动跨界水体环境治理"]).not.toContain(c);
    const measures = of("s-eco-measures", "multi")[0] as Question;
    for (const c of wrong(measures)) expect(["强化生态环境共保联治", "推动跨界水体环境治理", "联合开展大气污染综合防治"]).not.toContain(c);
  });

  it("never offers a near-synonym of an item (资金 for 资本)", () => {
    for (const q of of("s-factors")) expect(q.choices ?? []).not.toContain("资金");
  });

  it("asks a missing item and the count", () => {
    const blank = one("s-stages", "typed", "blank");
    expect(blank.prompt).toMatch(/^长三角一体化经历的阶段依次为：.*____.*。请填写空缺的一项。$/);
    const count = one("s-principles", "typed", "count");
    expect(count.prompt).toBe("长三角一体化的基本原则共有几条？");
    expect(count).toMatchObject({ answer: "5", accept: ["5条", "五", "五条"] });
    // 「五大战略定位」 already says five.
    expect(of("s-positionings", "typed", "count")).toEqual([]);
  });

  it("orders an ordered set and asks a position", () => {
    const q = one("s-stages", "order", "all");
    expect(q.answer).toEqual(["规划协调", "要素合作", "机制对接", "更高质量一体化发展中国战略"]);
    expect(of("s-stages", "mc").some((x) => x.facet === "order")).toBe(true);
  });

  it("matches items with their glosses", () => {
    const q = one("s-principles", "match", "all");
    expect(q.pairs?.[0]).toEqual({ left: "创新共建", right: "推动科技创新与产业发展深度融合，打造区域创新共同体" });
    expect(q.answer[0]).toBe("创新共建 => 推动科技创新与产业发展深度融合，打造区域创新共同体");
  });

  it("introduces a list that the source leaves open as 文中列举的", () => {
    expect(of("s-technologies", "multi")[0]?.prompt).toBe("文中列举的与长三角传统产业渗透融合的新技术包括下列哪些？");
    expect(of("s-technologies", "typed", "count")).toEqual([]);
  });
});

describe("memberships", () => {
  it("matches cities with their province", () => {
    const q = of("m-central", "match")[0] as Question;
    expect(q.prompt).toBe("请为下列城市选出它们在长三角中心区的27个城市中所属的省级行政区。");
    for (const p of q.pairs ?? []) expect((fixtureFacts.find((f) => f.id === "m-central") as Extract<Fact, { kind: "membership" }>).groups[p.right]).toContain(p.left);
  });

  it("offers cities of the same province that are not members, for a complete list", () => {
    const q = one("m-central", "multi", "province-4-part-1");
    expect(q.prompt).toBe("下列安徽省的城市中，哪些属于长三角中心区的27个城市？");
    const anhui = ["合肥", "芜湖", "马鞍山", "铜陵", "安庆", "滁州", "池州", "宣城"];
    for (const c of wrong(q)) {
      expect(anhui).not.toContain(c);
      expect(["蚌埠", "淮南", "淮北", "黄山", "阜阳", "宿州", "六安", "亳州"]).toContain(c);
    }
  });

  it("never uses outsiders for a list the source gives only in part", () => {
    for (const q of of("m-2013")) {
      expect(q.variant).not.toMatch(/province|outsider/);
      if (q.form === "multi" || q.form === "mc") for (const c of wrong(q)) expect(["徐州", "芜湖", "滁州"]).toContain(c);
      if (q.form === "tf") expect(q.prompt).not.toMatch(/^.+是2013年/);
    }
  });

  it("asks which group a member belongs to for other labels", () => {
    const q = of("m-water", "mc").find((x) => x.variant.startsWith("label")) as Question;
    expect(q.prompt).toMatch(/^在“长三角区域水利发展布局中各水体的角色”中，“.+”对应的是？$/);
    expect(["纽带", "骨干河道", "关键节点"]).toContain(q.answer);
  });
});

describe("documents", () => {
  it("asks the year, the month and which document came out at a date", () => {
    expect(one("d-2010", "mc", "year").prompt).toBe("《长江三角洲地区区域规划》是哪一年出台的？");
    expect(one("d-2010", "typed", "month").answer).toBe("2010年6月");
    const reverse = one("d-2010", "mc", "reverse");
    expect(reverse).toMatchObject({ facet: "title", prompt: "下列哪份文件出台于2010年6月？", answer: "《长江三角洲地区区域规划》" });
  });

  it("asks only the year of a date disputed in its month, and says so", () => {
    const qs = of("d-2016");
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.some((q) => q.facet === "date" || q.variant === "month")).toBe(false);
    expect(one("d-2016", "typed", "year").facet).toBe("year");
    for (const q of qs) expect(q.explanation).toContain("相关文件表记为2016年6月，发展历史则说2016年5月");
    // Other documents' questions never claim 2016-05 is wrong for it: it is never a distractor at 2016.
    for (const q of bank.filter((x) => x.factId !== "d-2016" && x.variant === "reverse" && x.prompt.includes("2016年"))) {
      expect(q.choices).not.toContain("《长江三角洲城市群发展规划》");
    }
  });

  it("never asks a disputed title", () => {
    const qs = of("d-2019-outline");
    expect(qs.some((q) => q.facet === "title")).toBe(false);
    expect(qs.some((q) => q.facet === "date")).toBe(true);
  });
});

describe("terms", () => {
  it("asks the definition, the term and a typed term", () => {
    expect(one("t-year-one", "mc", "definition").prompt).toBe("“长三角元年”指的是？");
    expect(one("t-year-one", "typed", "term").answer).toBe("长三角元年");
    const window = one("t-window", "mc", "definition");
    expect(window.prompt).toBe("“国际贸易‘单一窗口’”指的是？");
    expect(one("t-window", "typed", "term").accept).toEqual(["国际贸易单一窗口"]);
  });
});

describe("disputes in a constructed pack", () => {
  const facts: Fact[] = [
    ...fixtureFacts.filter((f) => !f.disputed),
    {
      id: "x-event",
      kind: "event",
      section: "s",
      date: "1986-07",
      what: "上海经济区章程获得通过",
      disputed: { field: "date", values: ["1986-07", "1986-06"], note: "两处月份不同。" },
    },
    {
      id: "x-set",
      kind: "set",
      section: "s",
      name: "某组事项",
      ordered: false,
      items: [{ term: "甲事项" }, { term: "乙事项" }, { term: "丙事项" }],
      disputed: { field: "items", values: ["甲事项", "丁事项"], note: "两处所列不同。" },
    },
    {
      id: "x-term",
      kind: "term",
      section: "s",
      term: "某概念",
      definition: "某种说法。",
      disputed: { field: "definition", values: ["某种说法", "另一种说法"], note: "两处解释不同。" },
    },
  ];
  const pack = packOf(facts, "dx");
  const qs = generateBank([pack]);

  it("asks no disputed field and mentions every dispute", () => {
    expect(bankProblems([pack], qs)).toEqual([]);
    expect(qs.filter((q) => q.factId === "x-set" || q.factId === "x-term")).toEqual([]);
    const event = qs.filter((q) => q.factId === "x-event");
    expect(event.length).toBeGreaterThan(0);
    for (const q of event) {
      expect(q.facet).toBe("year");
      expect(q.explanation).toContain("两处月份不同");
      expect(JSON.stringify(q.answer)).not.toMatch(/1986年[67]月/);
    }
  });
});

describe("sparse packs", () => {
  it("hold every invariant with few facts to draw distractors from", () => {
    for (let seed = 0; seed < 30; seed++) {
      const rng = rngFor(`sparse-${seed}`);
      const facts = rng.shuffle(fixtureFacts).slice(0, 2 + rng.int(12));
      const pack = packOf(facts, `sp${seed}`);
      const qs = generateBank([pack]);
      expect(bankProblems([pack], qs), `seed ${seed}`).toEqual([]);
    }
  });

  it("handles a single fact of each kind", () => {
    for (const f of fixtureFacts) {
      const pack = packOf([f], "solo");
      expect(bankProblems([pack], generateBank([pack])), f.id).toEqual([]);
    }
  });
});

describe("the invariant checker", () => {
  it("catches a duplicate option, a second correct option and a wrong true/false", () => {
    const mc = structuredClone(one("e-1982-zone", "mc", "year"));
    mc.choices = ["1982年", "1982年", "1983年"];
    const tf = structuredClone(bank.find((q) => q.kind === "quantity" && q.form === "tf") as Question);
    tf.answer = tf.answer === TRUE ? FALSE : TRUE;
    const multi = structuredClone(one("s-principles", "multi", "all"));
    (multi.answer as string[]).pop();
    const problems = bankProblems([fixturePack], [mc, tf, multi]);
    expect(problems.some((p) => p.includes("mc choices not distinct"))).toBe(true);
    expect(problems.some((p) => p.includes("statement"))).toBe(true);
    expect(problems.some((p) => p.includes("is an item"))).toBe(true);
  });
});

describe("snapshots for review (fixture pack, a few per form, by id)", () => {
  for (const form of questionForms) {
    it(form, () => {
      const picked = bank
        .filter((q) => q.form === form)
        .sort((a, b) => a.id.localeCompare(b.id))
        .slice(0, 3);
      expect(picked).toMatchSnapshot();
    });
  }
});

void keyOf;
