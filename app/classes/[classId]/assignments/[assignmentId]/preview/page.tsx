import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { notFound } from "next/navigation";
import { QuestionPreview } from "@/lib/features/assignments/components/question-preview";
import { AssignmentFacts } from "@/lib/features/assignments/components/assignment-facts";
import { DraftQuestionActions, PublishButton } from "@/lib/features/assignments/components/teacher-actions";
import { getPreview } from "@/lib/features/assignments/data";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

type Props = { params: Promise<{ classId: string; assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("assignments.preview.title") };
}

/** Exactly the questions students will get, with answers; a draft is published from here. */
export default async function PreviewPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const page = `/classes/${classId}/assignments/${assignmentId}`;
  const user = await requireUser({ returnTo: `${page}/preview` });
  if (user.role !== "teacher") notFound();
  const { assignment: a, questions, fingerprint } = await orNotFound(getPreview(db(), user, classId, assignmentId));
  const { t } = await getT();
  const draft = a.publishedAt === null;
  const shortBy = a.questionCount !== null && questions.length < a.questionCount;

  return (
    <div className="flex flex-col gap-4">
      <Link href={page} className="inline-flex min-h-11 min-w-11 items-center self-start text-accent-fg underline">{a.title}</Link>
      <h1 className="text-2xl font-bold">{t("assignments.preview.title")}</h1>
      <p className="text-fg-soft">
        {draft ? t("assignments.preview.draftIntro", { n: questions.length }) : t("assignments.preview.publishedIntro", { n: questions.length })}
      </p>
      <section aria-labelledby="rules" className="flex flex-col gap-2">
        <h2 id="rules" className="text-lg font-semibold">{t("assignments.preview.rules")}</h2>
        <AssignmentFacts assignment={a} questionTotal={questions.length} timeZone={a.timeZone} />
      </section>
      {shortBy && <p className="rounded-lg border border-warn p-3">{t("assignments.preview.fewer", { n: questions.length, asked: a.questionCount ?? 0 })}</p>}
      {draft && (
        <div className="flex flex-wrap gap-2">
          <PublishButton assignmentId={a.id} fingerprint={fingerprint} next={page} />
          <Link href={`${page}/edit`} className={buttonClass("secondary")}>{t("assignments.teacher.edit")}</Link>
        </div>
      )}
      <QuestionPreview
        questions={questions}
        actions={draft ? (q, n) => <DraftQuestionActions assignmentId={a.id} questionId={q.id} n={n} next={`${page}/preview`} /> : undefined}
      />
      {draft && questions.length > 3 && <PublishButton assignmentId={a.id} fingerprint={fingerprint} next={page} />}
    </div>
  );
}
