import { describe, expect, it } from "vitest";
import {
  answerKeyShown,
  assignmentState,
  attemptDeadline,
  attemptScore,
  bestScore,
  countStatuses,
  effectiveDueAt,
  handedInAt,
  isExpired,
  isOpen,
  startRefusal,
  studentStatus,
  type AssignmentTimes,
  type AttemptTimes,
} from "./status";

const MIN = 60_000;
const DAY_MS = 24 * 60 * MIN;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

// Opens Monday 2026-03-02 08:00 and is due Friday 2026-03-06 23:59, Shanghai time.
const OPENS = at("2026-03-02T00:00:00Z");
const DUE = at("2026-03-06T15:59:00Z");
const assignment: AssignmentTimes = { opensAt: OPENS, dueAt: DUE, timeLimitMinutes: 20, attemptsAllowed: 2 };
const noLimit: AssignmentTimes = { ...assignment, timeLimitMinutes: null };
const MIDWEEK = at("2026-03-04T02:00:00Z");

function attempt(startedAt: Date, opts: Partial<AttemptTimes> = {}): AttemptTimes {
  return { startedAt, deadline: attemptDeadline(startedAt, 20), submittedAt: null, score: null, ...opts };
}

describe("deadlines", () => {
  it("gives an attempt its time limit plus the student's extra minutes", () => {
    expect(attemptDeadline(MIDWEEK, 20)).toEqual(plus(MIDWEEK, 20 * MIN));
    expect(attemptDeadline(MIDWEEK, 20, 10)).toEqual(plus(MIDWEEK, 30 * MIN));
    expect(attemptDeadline(MIDWEEK, null, 10)).toBeNull();
  });

  it("moves the due date only later with an extension", () => {
    expect(effectiveDueAt(assignment)).toEqual(DUE);
    expect(effectiveDueAt(assignment, { extraMinutes: 0, dueAt: null })).toEqual(DUE);
    const later = plus(DUE, 2 * 24 * 60 * MIN);
    expect(effectiveDueAt(assignment, { extraMinutes: 0, dueAt: later })).toEqual(later);
    expect(effectiveDueAt(assignment, { extraMinutes: 0, dueAt: plus(DUE, -MIN) })).toEqual(DUE);
  });

  it("expires an open attempt just after its deadline, not at it", () => {
    const a = attempt(MIDWEEK);
    const deadline = plus(MIDWEEK, 20 * MIN);
    expect(isExpired(a, deadline)).toBe(false);
    expect(isOpen(a, deadline)).toBe(true);
    expect(isExpired(a, plus(deadline, 1))).toBe(true);
    expect(isOpen(a, plus(deadline, 1))).toBe(false);
    expect(handedInAt(a, plus(deadline, 60 * MIN))).toEqual(deadline);
    expect(handedInAt(a, deadline)).toBeNull();
    const noDeadline = { ...a, deadline: null };
    expect(isExpired(noDeadline, plus(DUE, 1e9))).toBe(false);
    const submitted = { ...a, submittedAt: plus(MIDWEEK, 5 * MIN) };
    expect(isExpired(submitted, plus(deadline, 1))).toBe(false);
    expect(handedInAt(submitted, plus(deadline, 1))).toEqual(submitted.submittedAt);
  });
});

describe("studentStatus", () => {
  it("is upcoming before it opens and not started after", () => {
    expect(studentStatus(assignment, null, [], plus(OPENS, -1))).toBe("upcoming");
    expect(studentStatus(assignment, null, [], OPENS)).toBe("not_started");
    expect(studentStatus(assignment, null, [], DUE)).toBe("not_started");
  });

  it("is missing once due without a hand-in, unless extended", () => {
    const after = plus(DUE, 1);
    expect(studentStatus(assignment, null, [], after)).toBe("missing");
    expect(studentStatus(assignment, { extraMinutes: 0, dueAt: plus(DUE, 60 * MIN) }, [], after)).toBe("not_started");
  });

  it("is in progress while an attempt is open, and submitted or late after", () => {
    const open = attempt(MIDWEEK);
    expect(studentStatus(assignment, null, [open], plus(MIDWEEK, MIN))).toBe("in_progress");
    const done = { ...open, submittedAt: plus(MIDWEEK, 10 * MIN), score: 0.8 };
    expect(studentStatus(assignment, null, [done], plus(DUE, 1e7))).toBe("submitted");
    const lateStart = plus(DUE, 30 * MIN);
    const late = attempt(lateStart, { submittedAt: plus(lateStart, 5 * MIN), score: 1 });
    expect(studentStatus(assignment, null, [late], plus(lateStart, 10 * MIN))).toBe("late");
    // The same hand-in is on time for a student whose due date was extended.
    expect(studentStatus(assignment, { extraMinutes: 0, dueAt: plus(DUE, 24 * 60 * MIN) }, [late], plus(lateStart, 10 * MIN))).toBe("submitted");
  });

  it("counts an expired attempt as handed in at its deadline", () => {
    const startedJustBeforeDue = plus(DUE, -10 * MIN); // deadline 10 minutes after due
    const expired = attempt(startedJustBeforeDue);
    expect(studentStatus(assignment, null, [expired], plus(DUE, 5 * MIN))).toBe("in_progress");
    expect(studentStatus(assignment, null, [expired], plus(DUE, 11 * MIN))).toBe("late");
    const early = attempt(MIDWEEK);
    expect(studentStatus(assignment, null, [early], plus(MIDWEEK, 21 * MIN))).toBe("submitted");
  });

  it("keeps an on-time hand-in when a later attempt is late, and shows a second try in progress", () => {
    const first = attempt(MIDWEEK, { submittedAt: plus(MIDWEEK, 5 * MIN), score: 0.5 });
    const second = attempt(plus(DUE, MIN), { submittedAt: plus(DUE, 6 * MIN), score: 0.9 });
    expect(studentStatus(assignment, null, [first, second], plus(DUE, 7 * MIN))).toBe("submitted");
    const retry = attempt(plus(MIDWEEK, 60 * MIN));
    expect(studentStatus(assignment, null, [first, retry], plus(MIDWEEK, 61 * MIN))).toBe("in_progress");
  });

  it("keeps an attempt without a time limit open past the due date", () => {
    const open = { ...attempt(MIDWEEK), deadline: null };
    expect(studentStatus(noLimit, null, [open], plus(DUE, 1e8))).toBe("in_progress");
  });
});

describe("startRefusal", () => {
  it("refuses before the opening and once the attempts are used", () => {
    expect(startRefusal(assignment, 0, plus(OPENS, -1))).toBe("notOpen");
    expect(startRefusal(assignment, 0, OPENS)).toBeNull();
    expect(startRefusal(assignment, 1, MIDWEEK)).toBeNull();
    expect(startRefusal(assignment, 2, MIDWEEK)).toBe("noAttemptsLeft");
    // Late work may still be started.
    expect(startRefusal(assignment, 0, plus(DUE, 1e8))).toBeNull();
  });
});

describe("answerKeyShown", () => {
  it("shows the key once no attempts remain, or after each hand-in if chosen; never beside an open attempt", () => {
    const final = { attemptsAllowed: 2, answerKey: "final" as const };
    const each = { attemptsAllowed: 2, answerKey: "each" as const };
    expect(answerKeyShown(final, 1, false)).toBe(false);
    expect(answerKeyShown(final, 2, false)).toBe(true);
    expect(answerKeyShown(final, 2, true)).toBe(false);
    expect(answerKeyShown(each, 1, false)).toBe(true);
    expect(answerKeyShown(each, 2, true)).toBe(false);
  });
});

describe("scores", () => {
  it("shares the credit over every question, unanswered as zero", () => {
    expect(attemptScore([1, 1, 0.5], 4)).toBe(0.625);
    expect(attemptScore([1, 1, 1], 3)).toBe(1);
    expect(attemptScore([], 5)).toBe(0);
    expect(attemptScore([], 0)).toBe(0);
    expect(attemptScore([1, 0, 0], 3)).toBe(0.3333);
  });

  it("takes the best attempt", () => {
    expect(bestScore([{ score: 0.4 }, { score: null }, { score: 0.9 }, { score: 0.7 }])).toBe(0.9);
    expect(bestScore([{ score: null }])).toBeNull();
    expect(bestScore([{ score: 0 }])).toBe(0);
  });

  it("counts every status", () => {
    expect(countStatuses(["late", "missing", "late"])).toEqual({ upcoming: 0, not_started: 0, in_progress: 0, submitted: 0, late: 2, missing: 1 });
  });
});

describe("assignmentState", () => {
  it("is a draft until published, then scheduled, open and closed by the clock", () => {
    const times = { opensAt: OPENS, dueAt: DUE };
    expect(assignmentState({ ...times, publishedAt: null }, MIDWEEK)).toBe("draft");
    const published = { ...times, publishedAt: plus(OPENS, -DAY_MS) };
    expect(assignmentState(published, plus(OPENS, -1))).toBe("scheduled");
    expect(assignmentState(published, OPENS)).toBe("open");
    expect(assignmentState(published, DUE)).toBe("open");
    expect(assignmentState(published, plus(DUE, 1))).toBe("closed");
  });
});
