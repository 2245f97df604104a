import type { Metadata } from "next";
import { Link } from "@/lib/ui/link";
import { JoinForm } from "@/lib/features/classes/components/join-form";
import { StudentClassList, TeacherClassList } from "@/lib/features/classes/components/class-lists";
import { listClassesOfStudent, listClassesOfTeacher } from "@/lib/features/classes/data";
import { getSettings } from "@/lib/features/study/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("classes.title") };
}

export default async function ClassesPage() {
  const user = await requireUser({ returnTo: "/classes" });
  const { t, locale } = await getT();
  if (user.role === "teacher") {
    const classes = await listClassesOfTeacher(db(), user);
    return (
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">{t("classes.title")}</h1>
          <Link href="/classes/new" className={buttonClass("primary")}>
            {t("classes.new.title")}
          </Link>
        </div>
        <TeacherClassList classes={classes} />
      </div>
    );
  }
  const [classes, settings] = await Promise.all([listClassesOfStudent(db(), user.id), getSettings(db(), user.id)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("classes.myClasses")}</h1>
      <StudentClassList classes={classes} locale={locale} timeZone={settings.timeZone} />
      <section aria-labelledby="join-title" className="flex max-w-sm flex-col gap-3">
        <h2 id="join-title" className="text-lg font-semibold">{t("classes.join.title")}</h2>
        <JoinForm />
      </section>
    </div>
  );
}
