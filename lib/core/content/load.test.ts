import { describe, expect, it } from "vitest";
import { ContentError, formatIssue, loadPack, type PackSource } from "./load";

const meta = "id: demo\ntitle: 示例\ntitleEn: Demo\nlanguage: zh-CN\n";

function source(files: Record<string, string>, metaText = meta): PackSource {
  return {
    metaFile: "content/demo/pack.yaml",
    metaText,
    factFiles: Object.entries(files).map(([file, text]) => ({ file: `content/demo/facts/${file}`, text })),
  };
}

function issuesOf(src: PackSource): string[] {
  try {
    loadPack(src);
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error("expected the pack to be rejected");
}

const goodEvent = `- id: ev-1
  kind: event
  section: 历史
  date: "1982-12-22"
  what: 成立规划办公室
`;

describe("loadPack", () => {
  it("loads valid facts of every kind", () => {
    const pack = loadPack(
      source({
        "a.yaml": `${goodEvent}- id: q-1
  kind: quantity
  section: 概况
  subject: 中心区城市数量
  value: 27
  unit: 个
- id: s-1
  kind: set
  section: 原则
  name: 基本原则
  ordered: false
  items:
    - term: 创新共建
      gloss: 一起搞创新
    - term: 协调共进
- id: m-1
  kind: membership
  section: 范围
  name: 中心区城市
  groups:
    江苏省: [南京, 无锡]
- id: d-1
  kind: document
  section: 文件
  date: "2010-06"
  title: 长江三角洲地区区域规划
- id: t-1
  kind: term
  section: 概念
  term: 示范区
  definition: 跨三地的试验区域
`,
      }),
    );
    expect(pack.id).toBe("demo");
    expect(pack.facts.map((f) => f.kind)).toEqual(["event", "quantity", "set", "membership", "document", "term"]);
  });

  it("reports every problem at once, each with its file and line", () => {
    const issues = issuesOf(
      source({
        "a.yaml": `${goodEvent}- id: ev-1
  kind: event
  section: 历史
  date: "1982"
  what: 重复的编号
- id: bad-date
  kind: event
  section: 历史
  date: "1982-13"
  what: 不存在的月份
- id: no-unit
  kind: quantity
  section: 概况
  subject: 城市数量
  value: 27
- id: empty-set
  kind: set
  section: 原则
  name: 空集合
  ordered: false
  items: []
- id: odd
  kind: rumour
  section: 其他
`,
        "b.yaml": "- id: [unclosed\n",
      }),
    );
    expect(issues).toEqual([
      'content/demo/facts/a.yaml:6: duplicate id "ev-1" (first at content/demo/facts/a.yaml:1)',
      "content/demo/facts/a.yaml:14: date: date does not exist in the calendar",
      "content/demo/facts/a.yaml:16: unit: is required",
      "content/demo/facts/a.yaml:26: items: a set needs at least two items",
      'content/demo/facts/a.yaml:28: kind: unknown kind "rumour": use one of event, quantity, set, membership, document, term',
      expect.stringMatching(/^content\/demo\/facts\/b\.yaml:\d+: YAML: /),
    ]);
  });

  it("rejects a dispute about a field the fact does not have, and a bad id", () => {
    const issues = issuesOf(
      source({
        "a.yaml": `- id: Bad_Id
  kind: term
  section: 概念
  term: 甲
  definition: 乙
- id: ev-2
  kind: event
  section: 历史
  date: "2018"
  what: 某事
  disputed:
    field: value
    values: [1, 2]
    note: 两处说法不同
`,
      }),
    );
    expect(issues).toEqual([
      "content/demo/facts/a.yaml:1: id: id must be kebab-case (a-z, 0-9, single hyphens)",
      'content/demo/facts/a.yaml:12: disputed.field "value" is not a field of a event fact',
    ]);
  });

  it("checks the pack metadata too", () => {
    const issues = issuesOf(source({ "a.yaml": goodEvent }, "id: demo\ntitle: 示例\nlanguage: fr\n"));
    expect(issues).toEqual([
      "content/demo/pack.yaml:1: titleEn: is required",
      expect.stringMatching(/^content\/demo\/pack\.yaml:3: language: /),
    ]);
  });
});
