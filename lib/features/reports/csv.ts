import "server-only";
import { utcToLocal } from "@/lib/core/assignments/time";
import { toCsv, type CsvCell } from "@/lib/core/reports";
import { answerLabel } from "@/lib/features/questions/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { SessionUser } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db/create";
import { getAssignmentReport, getCountedAnswers, getStudentAnswers, type AssignmentReport, type StudentAnswerRow } from "./data";
import { optionCount, percentValue } from "./format";
import { getClassRecall } from "./recall";
import type { ReportCsvQuery } from "./schema";

// The CSV exports: the same data functions as the pages (and so the same authorization), laid
// out as flat tables. Headers follow the UI language; figures are plain numbers so a
// spreadsheet can sort and sum them.

export interface CsvFile {
  /** The real name (UTF-8). */
  filename: string;
  /** An ASCII name for clients that do not read filename*. */
  fallback: string;
  body: string;
}

type Row = CsvCell[];

/** A name safe on every file system: no path separators, reserved or control characters. */
function safeName(name: string): string {
  return [...name].map((c) => (c < " " || '\\/:*?"<>|'.includes(c) ? "_" : c)).join("").trim();
}

/** "YYYY-MM-DD HH:mm" in the assignment's zone, which spreadsheets read as a date-time. */
const localTime = (at: Date | null, timeZone: string) => (at ? utcToLocal(at, timeZone).replace("T", " ") : null);

function studentRows(report: AssignmentReport, t: Translate): Row[] {
  const tz = report.assignment.timeZone;
  return [
    [
      t("reports.students.name"),
      t("reports.csv.email"),
      t("reports.students.status"),
      t("reports.csv.scorePercent"),
      t("reports.students.mastery"),
      t("reports.csv.timeSeconds"),
      t("reports.students.attempts"),
      t("reports.csv.countedAttempt"),
      t("reports.students.handedInAt"),
    ],
    ...report.students.map((s) => [
      s.name,
      s.email,
      t(`reports.status.${s.status}`),
      percentValue(s.score),
      s.mastery === null ? t("reports.students.noGoal") : t(`reports.mastery.${s.mastery}`),
      s.timeTakenMs === null ? null : Math.round(s.timeTakenMs / 1000),
      s.attemptsUsed,
      s.countedNumber,
      localTime(s.handedInAt, tz),
    ]),
  ];
}

function questionRows(report: AssignmentReport, t: Translate): Row[] {
  return [
    [
      t("reports.questions.number"),
      t("reports.csv.form"),
      t("reports.questions.prompt"),
      t("reports.csv.answer"),
      t("reports.csv.n"),
      t("reports.csv.correct"),
      t("reports.csv.facilityPercent"),
      t("reports.questions.discrimination"),
      t("reports.questions.options"),
      t("reports.questions.noAnswer"),
      t("reports.questions.other"),
    ],
    ...report.questions.map((q) => [
      q.number,
      t(`forms.${q.form}`),
      q.prompt,
      answerLabel(t, q.form, q.answer),
      q.n,
      q.correct,
      percentValue(q.facility),
      q.discrimination === null ? null : Math.round(q.discrimination * 1000) / 1000,
      (q.options ?? q.responses)?.map((o) => optionCount(t, q.form, o)).join("; ") ?? null,
      q.noAnswer,
      q.options || q.responses ? q.other : null,
    ]),
  ];
}

const answersHead = (t: Translate): Row => [
  t("reports.students.name"),
  t("reports.csv.email"),
  t("reports.csv.attempt"),
  t("reports.questions.number"),
  t("reports.questions.prompt"),
  t("reports.student.response"),
  t("reports.student.expected"),
  t("reports.csv.result"),
  t("reports.csv.credit"),
];

const answerRow = (t: Translate, who: { name: string; email: string }, attempt: number, a: StudentAnswerRow): Row => [
  who.name,
  who.email,
  attempt,
  a.number,
  a.prompt,
  a.response === null ? null : answerLabel(t, a.form, a.response),
  answerLabel(t, a.form, a.expected),
  t(`reports.student.outcome.${a.outcome}`),
  a.score,
];

/** One of the assignment report's exports (students, questions, answers of one or every student). */
export async function reportCsv(db: Db, user: SessionUser, classId: string, assignmentId: string, query: ReportCsvQuery, now: Date, t: Translate): Promise<CsvFile> {
  const file = (title: string, label: string, fallback: string, rows: Row[]): CsvFile => ({
    filename: `${safeName(`${title} - ${label}`)}.csv`,
    fallback: `${fallback}.csv`,
    body: toCsv(rows),
  });
  if (query.kind === "answers" && query.student) {
    const view = await getStudentAnswers(db, user, classId, assignmentId, query.student, query.attempt ?? null, now);
    const shown = view.shown;
    const rows = shown === null ? [] : view.answers.map((a) => answerRow(t, view.student, shown, a));
    return file(`${view.assignment.title} - ${view.student.name}`, t("reports.csv.answers"), "report-answers-student", [answersHead(t), ...rows]);
  }
  if (query.kind === "answers") {
    const { assignment, students } = await getCountedAnswers(db, user, classId, assignmentId, now);
    const rows = students.flatMap(({ attempt, ...s }) => (attempt === null ? [] : s.answers.map((a) => answerRow(t, s, attempt, a))));
    return file(assignment.title, t("reports.csv.answers"), "report-answers", [answersHead(t), ...rows]);
  }
  const report = await getAssignmentReport(db, user, classId, assignmentId, now);
  return query.kind === "students"
    ? file(report.assignment.title, t("reports.csv.students"), "report-students", studentRows(report, t))
    : file(report.assignment.title, t("reports.csv.questions"), "report-questions", questionRows(report, t));
}

/** The class's recall forecast, one row per student, date and topic, with the class means. */
export async function recallCsv(db: Db, user: SessionUser, classId: string, now: Date, t: Translate, locale: Locale): Promise<CsvFile> {
  const recall = await getClassRecall(db, user, classId, now);
  const rows: Row[] = [[t("reports.students.name"), t("reports.csv.email"), t("reports.csv.date"), t("reports.csv.pack"), t("reports.csv.topic"), t("reports.csv.recallPercent")]];
  recall.dates.forEach((date, d) => {
    const first = date.due[0];
    const when = first
      ? t("reports.recall.dueAt", { date: localTime(date.at, first.timeZone) ?? "", titles: date.due.map((a) => a.title).join("、") })
      : t("reports.csv.now");
    const table = recall.tables[d]!;
    const lines = (name: string, email: string, shares: readonly (number | null)[], overall: number | null) => {
      recall.topics.forEach((topic, i) => rows.push([name, email, when, locale === "en" ? topic.packTitleEn : topic.packTitle, topic.topic, percentValue(shares[i] ?? null)]));
      rows.push([name, email, when, null, t("reports.csv.allTopics"), percentValue(overall)]);
    };
    for (const r of table.rows) lines(r.student.name, r.student.email, r.shares, r.overall);
    lines(t("reports.csv.classMean"), "", table.mean, table.meanOverall);
  });
  return { filename: `${safeName(`${recall.className} - ${t("reports.csv.recall")}`)}.csv`, fallback: "recall.csv", body: toCsv(rows) };
}
