import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/core/generate/types";
import { AGAIN, GOOD, gradeAnswer, HARD, parseNumericAnswer, readTrueFalse } from "./grade";
import { normalizeAnswer } from "./normalize";
import { parseChineseNumber, toChineseDigits, toChineseNumber } from "./numerals";

const base = { id: "x", pack: "p", factId: "f", kind: "event", prompt: "?", explanation: "e", section: "s", facet: "date", variant: "v" } as const;
const q = (over: Partial<Question> & Pick<Question, "form" | "answer">): Question => ({ ...base, ...over });

describe("ratings", () => {
  it("are ts-fsrs Rating values", () => {
    expect(AGAIN).toBe(Rating.Again);
    expect(HARD).toBe(Rating.Hard);
    expect(GOOD).toBe(Rating.Good);
  });
});

describe("normalizeAnswer", () => {
  it.each([
    ["full-width digits and letters", "１９８２", "1982"],
    ["full-width letters", "ＧＤＰ", "gdp"],
    ["spaces of every width", " 长 三角\u3000一体化 ", normalizeAnswer("长三角一体化")],
    ["punctuation", "创新共建、协调共进！", normalizeAnswer("创新共建协调共进")],
    ["《》 and quotes", "《长江三角洲地区区域规划》", normalizeAnswer("长江三角洲地区区域规划")],
    ["curly and straight quotes", "国际贸易“单一窗口”", normalizeAnswer('国际贸易"单一窗口"')],
    ["「」 quotes", "「单一窗口」", normalizeAnswer("单一窗口")],
    ["traditional characters", "長江三角洲區域一體化發展規劃綱要", normalizeAnswer("长江三角洲区域一体化发展规划纲要")],
    ["年 suffix", "1982年", "1982"],
    ["Chinese year digits", "一九八二年", "1982"],
    ["〇 in years", "二〇一九", "2019"],
    ["Chinese number", "二十七", "27"],
    ["两", "两", "2"],
    ["个 suffix", "27个", "27"],
    ["座 suffix", "23座", "23"],
    ["项 suffix", "138项", "138"],
    ["家 suffix", "112家", "112"],
    ["条 suffix", "5条", "5"],
    ["人 suffix", "71人", "71"],
    ["Chinese number with suffix", "二十七个", "27"],
    ["year-month with 年月", "1986年7月", "1986年7月"],
    ["year-month with hyphen", "1986-07", "1986年7月"],
    ["year-month with dot", "1986.7", "1986年7月"],
    ["year-month with slash", "1986/07", "1986年7月"],
    ["year-month in Chinese", "一九八六年七月", "1986年7月"],
    ["full date", "1982-12-22", "1982年12月22日"],
    ["full date in Chinese", "一九八二年十二月二十二日", "1982年12月22日"],
    ["magnitudes", "1500万人次", normalizeAnswer("一千五百万人次")],
    ["dash between years", "2018—2020年", "2018-2020"],
    ["plus between digits", "15 + 1", "15+1"],
  ])("%s", (_what, input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });

  it("keeps names that only look like numerals apart (十四五 is not 十五)", () => {
    expect(normalizeAnswer("“十四五”实施方案")).not.toBe(normalizeAnswer("十五实施方案"));
  });
});

describe("Chinese numerals", () => {
  it.each([
    [10, "十"],
    [12, "十二"],
    [27, "二十七"],
    [105, "一百零五"],
    [112, "一百一十二"],
    [2300, "两千三百"],
    [1013, "一千零一十三"],
    [100005, "十万零五"],
    [23.6, "二十三点六"],
  ])("%s ⇄ %s", (n, text) => {
    expect(toChineseNumber(n)).toBe(text);
    expect(parseChineseNumber(text)).toBe(n);
  });

  it("reads years digit by digit", () => {
    expect(toChineseDigits(2019)).toBe("二〇一九");
    expect(parseChineseNumber("一九八二")).toBe(1982);
    expect(parseChineseNumber("二十九万亿")).toBe(29e12);
    expect(parseChineseNumber("长三角")).toBeNull();
  });
});

describe("mc", () => {
  const mc = q({ form: "mc", choices: ["1980年", "1982年", "1984年"], answer: "1982年" });
  it("takes the right option, tolerantly", () => {
    expect(gradeAnswer(mc, "1982年")).toEqual({ correct: true, partial: false, score: 1, rating: GOOD, expected: "1982年" });
    expect(gradeAnswer(mc, "１９８２年").correct).toBe(true);
  });
  it("refuses a wrong option", () => {
    expect(gradeAnswer(mc, "1984年")).toMatchObject({ correct: false, partial: false, score: 0, rating: AGAIN });
  });
});

describe("tf", () => {
  const tf = q({ form: "tf", answer: "错误" });
  it.each(["错误", "错", "×", "false", "F", "否", " 错误。"])("reads %s as false", (r) => {
    expect(gradeAnswer(tf, r).correct).toBe(true);
  });
  it.each(["正确", "对", "√", "true", "是", "正確"])("reads %s as true", (r) => {
    expect(readTrueFalse(r)).toBe(true);
    expect(gradeAnswer(tf, r).rating).toBe(AGAIN);
  });
  it("treats an unreadable answer as wrong", () => {
    expect(gradeAnswer(tf, "也许").correct).toBe(false);
  });
});

describe("typed", () => {
  const year = q({ form: "typed", answer: "1982", accept: ["1982年", "一九八二年", "一九八二"] });
  it.each(["1982", "1982年", "一九八二年", "一九八二", "１９８２", " 1982 年 "])("takes %s for 1982", (r) => {
    expect(gradeAnswer(year, r)).toMatchObject({ correct: true, rating: GOOD });
  });
  it.each(["1983", "", "一九八三年"])("refuses %s", (r) => {
    expect(gradeAnswer(year, r)).toMatchObject({ correct: false, rating: AGAIN });
  });

  it("takes every spelling of a month", () => {
    const month = q({ form: "typed", answer: "1986年7月", accept: ["1986-07"] });
    for (const r of ["1986年7月", "1986-07", "1986.7", "1986/7", "一九八六年七月", "1986年07月"]) expect(gradeAnswer(month, r).correct, r).toBe(true);
    expect(gradeAnswer(month, "1986年8月").correct).toBe(false);
  });

  it("takes counts with or without a measure word, in digits or Chinese", () => {
    const count = q({ form: "typed", answer: "27", accept: ["27个", "二十七"] });
    for (const r of ["27", "27个", "二十七", "二十七个", "27座"]) expect(gradeAnswer(count, r).correct, r).toBe(true);
    expect(gradeAnswer(q({ form: "typed", answer: "2" }), "两").correct).toBe(true);
  });

  it("takes terms in traditional characters, without quotes or 《》", () => {
    const term = q({ form: "typed", answer: "国际贸易“单一窗口”" });
    for (const r of ["国际贸易单一窗口", "國際貿易「單一窗口」", "国际贸易 “单一窗口”"]) expect(gradeAnswer(term, r).correct, r).toBe(true);
    const title = q({ form: "typed", answer: "长江三角洲地区区域规划" });
    expect(gradeAnswer(title, "《長江三角洲地區區域規劃》").correct).toBe(true);
    expect(gradeAnswer(title, "长江三角洲城市群发展规划").correct).toBe(false);
  });
});

describe("numeric", () => {
  const gdp = q({ form: "numeric", answer: "29", tolerance: 0, unit: "万亿元", accept: ["29万亿元"] });
  it.each(["29", "29万亿元", "二十九", "二十九万亿元", "约29万亿元", "２９"])("takes %s", (r) => {
    expect(gradeAnswer(gdp, r).correct).toBe(true);
  });
  it.each(["30", "29亿元", "二十八", "abc"])("refuses %s", (r) => {
    expect(gradeAnswer(gdp, r).correct).toBe(false);
  });

  it("allows the tolerance of an approximate value", () => {
    const cost = q({ form: "numeric", answer: "54", tolerance: 2.7, unit: "亿元" });
    expect(gradeAnswer(cost, "56").correct).toBe(true);
    expect(gradeAnswer(cost, "57").correct).toBe(false);
  });

  it("reads percentages", () => {
    const share = q({ form: "numeric", answer: "37", tolerance: 0, unit: "%" });
    for (const r of ["37", "37%", "百分之三十七", "３７％"]) expect(gradeAnswer(share, r).correct, r).toBe(true);
  });

  it("reads fractions as fractions, Chinese fractions and percentages", () => {
    const quarter = q({ form: "numeric", answer: "1/4", tolerance: 0, unit: "比例" });
    for (const r of ["1/4", "四分之一", "25%", "0.25", "百分之二十五"]) expect(gradeAnswer(quarter, r).correct, r).toBe(true);
    expect(gradeAnswer(quarter, "1/3").correct).toBe(false);
    expect(parseNumericAnswer("二十六分之一", "比例")).toBeCloseTo(1 / 26);
  });

  it("reads magnitudes", () => {
    expect(parseNumericAnswer("1500万", "人次")).toBe(15000000);
    expect(parseNumericAnswer("23.6万人次", "万人次")).toBe(23.6);
  });
});

describe("multi", () => {
  const multi = q({ form: "multi", choices: ["甲", "乙", "丙", "丁", "戊", "己"], answer: ["甲", "乙", "丙", "丁"] });
  it("is right only with the exact set, in any order", () => {
    expect(gradeAnswer(multi, ["丁", "丙", "乙", "甲"])).toMatchObject({ correct: true, partial: false, score: 1, rating: GOOD });
  });
  it("is partial with at least half of the set and at most one wrong pick", () => {
    expect(gradeAnswer(multi, ["甲", "乙"])).toMatchObject({ correct: false, partial: true, score: 0.5, rating: HARD });
    expect(gradeAnswer(multi, ["甲", "乙", "丙", "戊"])).toMatchObject({ partial: true, score: 0.5, rating: HARD });
  });
  it("is wrong with less than half or two wrong picks", () => {
    expect(gradeAnswer(multi, ["甲"])).toMatchObject({ partial: false, rating: AGAIN });
    expect(gradeAnswer(multi, ["甲", "乙", "丙", "戊", "己"])).toMatchObject({ partial: false, rating: AGAIN });
    expect(gradeAnswer(multi, [])).toMatchObject({ partial: false, score: 0, rating: AGAIN });
  });
  it("normalises each pick", () => {
    const m = q({ form: "multi", choices: ["長江", "淮河", "太湖"], answer: ["长江"] });
    expect(gradeAnswer(m, ["長江"]).correct).toBe(true);
  });
});

describe("order", () => {
  const order = q({ form: "order", choices: ["丁", "甲", "丙", "乙"], answer: ["甲", "乙", "丙", "丁"] });
  it("is right only in the exact order", () => {
    expect(gradeAnswer(order, ["甲", "乙", "丙", "丁"])).toMatchObject({ correct: true, rating: GOOD, score: 1 });
  });
  it("is partial when more than half stand in the right relative order", () => {
    // One item moved: 甲 乙 丙 keep their order.
    expect(gradeAnswer(order, ["丁", "甲", "乙", "丙"])).toMatchObject({ correct: false, partial: true, rating: HARD });
    expect(gradeAnswer(order, ["甲", "丙", "乙", "丁"])).toMatchObject({ partial: true, rating: HARD });
  });
  it("is wrong when at most half are in order", () => {
    expect(gradeAnswer(order, ["丙", "丁", "甲", "乙"])).toMatchObject({ partial: false, rating: AGAIN });
    expect(gradeAnswer(order, ["丁", "丙", "乙", "甲"])).toMatchObject({ partial: false, rating: AGAIN, score: 0 });
  });
});

describe("match", () => {
  const match = q({
    form: "match",
    choices: ["安徽省", "江苏省", "浙江省"],
    pairs: [
      { left: "芜湖", right: "安徽省" },
      { left: "无锡", right: "江苏省" },
      { left: "嘉兴", right: "浙江省" },
      { left: "合肥", right: "安徽省" },
    ],
    answer: ["芜湖 => 安徽省", "无锡 => 江苏省", "嘉兴 => 浙江省", "合肥 => 安徽省"],
  });
  it("is right when every pair is right, in any order and spelling", () => {
    expect(gradeAnswer(match, ["合肥 => 安徽省", "嘉兴=>浙江省", "无锡 -> 江苏省", "蕪湖 => 安徽省"])).toMatchObject({ correct: true, rating: GOOD });
  });
  it("is partial when more than half of the pairs are right", () => {
    expect(gradeAnswer(match, ["芜湖 => 安徽省", "无锡 => 江苏省", "嘉兴 => 浙江省", "合肥 => 江苏省"])).toMatchObject({
      partial: true,
      score: 0.75,
      rating: HARD,
    });
  });
  it("is wrong with half or fewer", () => {
    expect(gradeAnswer(match, ["芜湖 => 安徽省", "无锡 => 江苏省"])).toMatchObject({ partial: false, rating: AGAIN, score: 0.5 });
  });
});
