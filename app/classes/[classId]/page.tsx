import type { Metadata } from "next";
import { StudentClassView, TeacherClassView } from "@/lib/features/classes/components/class-view";
import { getStudentClass, getTeacherClass } from "@/lib/features/classes/data";
import { joinUrlFor } from "@/lib/features/classes/join-url";
import { orNotFound } from "@/lib/features/classes/not-found";
import { getSettings } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ joined?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("classes.title") };
}

export default async function ClassPage({ params, searchParams }: Props) {
  const { classId } = await params;
  // Set by the join form after a new membership; anything else is ignored.
  const joined = (await searchParams).joined === "1";
  const user = await requireUser({ returnTo: `/classes/${classId}` });
  const [{ locale }, settings] = await Promise.all([getT(), getSettings(db(), user.id)]);
  if (user.role === "teacher") {
    const cls = await orNotFound(getTeacherClass(db(), user, classId));
    return <TeacherClassView cls={cls} joinUrl={joinUrlFor(cls.joinCode)} locale={locale} timeZone={settings.timeZone} />;
  }
  const cls = await orNotFound(getStudentClass(db(), user.id, classId));
  return <StudentClassView cls={cls} locale={locale} timeZone={settings.timeZone} joined={joined} />;
}
