import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/core/generate/types";
import { gradeAnswer } from "@/lib/core/grade";
import { analyzeAssignment, thirdWeights, type ItemStudent } from "./item-analysis";
import { FIXTURE_ASSIGNMENT, FIXTURE_MASTERY_GOAL, FIXTURE_NOW, reportFixture, type FixtureQuestions } from "./test-fixture";

const base = { pack: "t", factId: "f", kind: "term", explanation: "", section: "s", facet: "x", variant: "v" } as const;
const questions: FixtureQuestions = {
  mc: { ...base, id: "q1", form: "mc", prompt: "哪座城市？", choices: ["上海", "南京", "杭州", "合肥"], answer: "南京" },
  tf: { ...base, id: "q2", form: "tf", prompt: "对吗？", answer: "正确" },
  typed: { ...base, id: "q3", form: "typed", prompt: "哪条江？", answer: "长江" },
  multi: { ...base, id: "q4", form: "multi", prompt: "哪些？", choices: ["江苏", "浙江", "福建", "安徽"], answer: ["江苏", "浙江"] },
} satisfies Record<string, Question>;

const fixture = reportFixture(questions);
const students: ItemStudent[] = fixture.map((s) => ({ userId: s.key, extension: s.extension, attempts: s.attempts }));
const analysis = analyzeAssignment({
  assignment: FIXTURE_ASSIGNMENT,
  questions: [questions.mc, questions.tf, questions.typed, questions.multi],
  students,
  masteryGoal: FIXTURE_MASTERY_GOAL,
  now: FIXTURE_NOW,
});
const byKey = (key: string) => analysis.students.find((s) => s.userId === key);
const question = (id: string) => analysis.questions.find((q) => q.id === id);

// Counted attempts (score; answers to q1 mc / q2 tf / q3 typed / q4 multi, ✓ right, ✗ wrong, – none):
//   A #2 1.000  ✓ ✓ ✓ ✓      (A #1 scored 0.5: the best attempt counts)
//   B #1 0.750  ✓ ✓ ✓ ✗
//   C #1 0.750  ✓ ✗ ✓ ✓
//   D #1 0.500  ✗(上海) ✓ ✓ ✗      submitted after the due date
//   E #1 0.500  – ✓ –(blank) ✓
//   F #1 0.125  ✗(上海) ✗ ✗ ½       (F #2 also 0.125, picked 合肥: the earlier attempt counts)
// G, H, I have no submitted attempt. n = 6. Due 2026-03-10 12:00Z, now 2026-03-11 00:00Z.

describe("students", () => {
  it("scores, statuses, times and attempts of the counted attempt", () => {
    const rows = analysis.students.map((s) => [s.userId, s.status, s.score, s.countedNumber, s.timeTakenMs, s.attemptsUsed, s.mastery]);
    expect(rows).toEqual([
      // time = submittedAt − startedAt; mastery goal 0.75 (score ≥ 0.75)
      ["A", "submitted", 1, 2, 750_000, 2, "met"], // 10:00 → 10:12:30 = 12.5 min
      ["B", "in_progress", 0.75, 1, 1_200_000, 2, "met"], // 09:00 → 09:20; the open #2 makes it "in progress" but does not count
      ["C", "submitted", 0.75, 1, 300_000, 1, "met"], // 08:00 → 08:05
      ["D", "late", 0.5, 1, 1_800_000, 1, "not_met"], // submitted 13:00 > due 12:00
      ["E", "submitted", 0.5, 1, 1_800_000, 1, "not_met"],
      ["F", "submitted", 0.125, 1, 240_000, 2, "not_met"], // tie 0.125 = 0.125: the earlier #1 (4 min)
      // Nothing handed in: no score to judge against the goal, so not "not met".
      ["G", "not_started", null, null, null, 0, "not_attempted"], // extension to 03-12 > now
      ["H", "missing", null, null, null, 0, "not_attempted"], // now 03-11 > due 03-10
      ["I", "in_progress", null, null, null, 1, "not_attempted"], // open, deadline 00:30 > now 00:00
    ]);
  });

  it("summarizes the class", () => {
    expect(analysis.counted).toBe(6);
    // (1 + 0.75 + 0.75 + 0.5 + 0.5 + 0.125) / 6 = 3.625 / 6
    expect(analysis.meanScore).toBeCloseTo(3.625 / 6, 12);
    // A, B, C: the students with nothing handed in are not counted as met either.
    expect(analysis.masteryMetCount).toBe(3);
    expect(byKey("A")?.handedInAt).toEqual(new Date("2026-03-10T10:12:30Z"));
  });
});

describe("thirds", () => {
  it("splits students tied across a boundary evenly", () => {
    // Scores in fixture order A..F: 1, .75, .75, .5, .5, .125; n = 6, a third = 2 places.
    // Places: A [0,1); B, C tied on [1,3); D, E tied on [3,5); F [5,6).
    // Upper third = places [0,2): A all of [0,1) → 1; B and C share [1,2) → 1/2 each.
    // Lower third = places [4,6): D and E share [4,5) → 1/2 each; F → 1.
    expect(thirdWeights([1, 0.75, 0.75, 0.5, 0.5, 0.125])).toEqual({ upper: [1, 0.5, 0.5, 0, 0, 0], lower: [0, 0, 0, 0.5, 0.5, 1] });
  });

  it("does not depend on the input order", () => {
    expect(thirdWeights([0.5, 0.125, 0.75, 1, 0.5, 0.75])).toEqual({ upper: [0, 0, 0.5, 1, 0, 0.5], lower: [0.5, 1, 0, 0, 0.5, 0] });
  });

  it("gives everyone the same part when all are tied, so discrimination is 0", () => {
    // n = 3, a third = 1 place; three tied students share [0,3): 1/3 of each third each.
    expect(thirdWeights([0.5, 0.5, 0.5])).toEqual({ upper: [1 / 3, 1 / 3, 1 / 3], lower: [1 / 3, 1 / 3, 1 / 3] });
  });

  it("splits thirds that are not whole places", () => {
    // n = 4, a third = 4/3 places: upper [0, 4/3), lower [8/3, 4).
    const w = thirdWeights([4, 3, 2, 1]);
    expect(w?.upper.map((x) => +x.toFixed(12))).toEqual([1, +(1 / 3).toFixed(12), 0, 0]);
    expect(w?.lower.map((x) => +x.toFixed(12))).toEqual([0, 0, +(1 / 3).toFixed(12), 1]);
  });

  it("is null under three students", () => {
    expect(thirdWeights([1, 0])).toBeNull();
  });
});

describe("questions", () => {
  it("facility and discrimination", () => {
    const rows = analysis.questions.map((q) => [q.id, q.n, q.correct, q.facility, q.discrimination]);
    expect(rows).toEqual([
      // facility = correct / 6. Discrimination = upper − lower facility, with the weights above
      // (upper A 1, B ½, C ½; lower D ½, E ½, F 1; each third weighs 2):
      // q1: A B C right → 3/6. Upper (1 + ½ + ½)/2 = 1; lower 0/2 = 0 → 1.
      ["q1", 6, 3, 0.5, 1],
      // q2: A B D E right → 4/6. Upper (1 + ½ + 0)/2 = 0.75; lower (½ + ½ + 0)/2 = 0.5 → 0.25.
      ["q2", 6, 4, 4 / 6, 0.25],
      // q3: A B C D right → 4/6. Upper (1 + ½ + ½)/2 = 1; lower (½ + 0 + 0)/2 = 0.25 → 0.75.
      ["q3", 6, 4, 4 / 6, 0.75],
      // q4: A C E right (F only half: not correct) → 3/6. Upper (1 + 0 + ½)/2 = 0.75; lower (0 + ½ + 0)/2 = 0.25 → 0.5.
      ["q4", 6, 3, 0.5, 0.5],
    ]);
  });

  it("counts each option of mc and tf, the correct one and no answer included", () => {
    // q1 over the counted attempts: 南京 A B C; 上海 D F(#1); 合肥 only F's uncounted #2; E none.
    expect(question("q1")).toMatchObject({
      options: [
        { option: "上海", correct: false, count: 2 },
        { option: "南京", correct: true, count: 3 },
        { option: "杭州", correct: false, count: 0 },
        { option: "合肥", correct: false, count: 0 },
      ],
      noAnswer: 1,
      other: 0,
    });
    // q2: 正确 A B D E; 错误 C F.
    expect(question("q2")).toMatchObject({
      options: [
        { option: "正确", correct: true, count: 4 },
        { option: "错误", correct: false, count: 2 },
      ],
      noAnswer: 0,
    });
  });

  it("lists typed responses, has no options for other forms and counts blank answers", () => {
    // q3: 长江 A B C D, 黄河 F; E's answer is blank.
    expect(question("q3")).toMatchObject({
      options: null,
      responses: [
        { option: "长江", correct: true, count: 4 },
        { option: "黄河", correct: false, count: 1 },
      ],
      noAnswer: 1,
      other: 0,
    });
    expect(question("q4")).toMatchObject({ options: null, responses: null, noAnswer: 0 });
    expect(question("q1")?.responses).toBeNull();
  });

  it("groups typed and numeric responses as the grader does, the most frequent first, the rest as other", () => {
    const numeric: Question = { ...base, id: "q5", form: "numeric", prompt: "多少万亿元？", answer: "29", unit: "万亿元", tolerance: 0 };
    const due = FIXTURE_ASSIGNMENT.dueAt;
    const students = (q: Question, responses: string[]): ItemStudent[] =>
      responses.map((response, i) => {
        const { correct, score } = gradeAnswer(q, response);
        return {
          userId: `s${i}`,
          extension: null,
          attempts: [{ number: 1, startedAt: due, deadline: null, submittedAt: due, score, answers: [{ questionId: q.id, response, correct, score }] }],
        };
      });
    const analyze = (q: Question, responses: string[]) =>
      analyzeAssignment({ assignment: FIXTURE_ASSIGNMENT, questions: [q], students: students(q, responses), masteryGoal: null, now: FIXTURE_NOW }).questions[0];

    // 29 three ways, 30 twice (once full-width), then five single values: the top five are
    // listed (ties in the order first given), 34 and 很多 are other, the blank is no answer.
    expect(analyze(numeric, ["29", "29万亿元", "30", "二十九", "３０", "31", "32", "33", "34", "很多", "  "])).toMatchObject({
      options: null,
      responses: [
        { option: "29", correct: true, count: 3 },
        { option: "30", correct: false, count: 2 },
        { option: "31", correct: false, count: 1 },
        { option: "32", correct: false, count: 1 },
        { option: "33", correct: false, count: 1 },
      ],
      noAnswer: 1,
      other: 2,
    });
    // A group is shown in its most frequent spelling.
    expect(analyze(questions.typed, ["長江", "长江", "黄河", " 长江 "])?.responses).toEqual([
      { option: "长江", correct: true, count: 3 },
      { option: "黄河", correct: false, count: 1 },
    ]);
  });

  it("reads answers the way the grader does and counts the rest as other", () => {
    const due = FIXTURE_ASSIGNMENT.dueAt;
    const one = (response: string | null, correct: boolean): ItemStudent => ({
      userId: String(response),
      extension: null,
      attempts: [{ number: 1, startedAt: due, deadline: null, submittedAt: due, score: correct ? 1 : 0, answers: response === null ? [] : [{ questionId: "q2", response, correct, score: correct ? 1 : 0 }] }],
    });
    const result = analyzeAssignment({
      assignment: FIXTURE_ASSIGNMENT,
      questions: [questions.tf],
      // "对" reads as 正确; a blank and a missing answer are no answer; "也许" is neither option.
      students: [one("对", true), one("  ", false), one("也许", false), one(null, false)],
      masteryGoal: null,
      now: FIXTURE_NOW,
    });
    expect(result.questions[0]).toMatchObject({ options: [{ option: "正确", count: 1 }, { option: "错误", count: 0 }], noAnswer: 2, other: 1 });
    expect(result.masteryMetCount).toBeNull();
    expect(result.students.every((s) => s.mastery === null)).toBe(true);
  });

  it("has no figures without submissions", () => {
    const result = analyzeAssignment({ assignment: FIXTURE_ASSIGNMENT, questions: [questions.mc], students: [], masteryGoal: 0.5, now: FIXTURE_NOW });
    expect(result.questions[0]).toMatchObject({ n: 0, facility: null, discrimination: null });
    expect(result.meanScore).toBeNull();
  });
});
