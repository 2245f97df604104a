import { Link } from "@/lib/ui/link";
import { StudentAssignments, TO_DO } from "@/lib/features/assignments/components/student-assignments";
import { TeacherOpenAssignments } from "@/lib/features/assignments/components/class-assignments";
import { listClassAssignments, listStudentAssignments } from "@/lib/features/assignments/data";
import { TeacherClassList } from "@/lib/features/classes/components/class-lists";
import { listClassesOfTeacher } from "@/lib/features/classes/data";
import { isNewAccount } from "@/lib/features/account/data";
import { ExamCountdown } from "@/lib/features/study/components/exam-countdown";
import { getTodayCounts } from "@/lib/features/study/data";
import { learnerDay } from "@/lib/core/schedule";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser, type SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { buttonClass } from "@/lib/ui/button";

export default async function HomePage() {
  const [{ t }, user] = await Promise.all([getT(), getOptionalUser()]);
  return user ? <SignedInHome user={user} /> : (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("app.tagline")}</h1>
        <p className="text-fg-soft">{t("app.description")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/decks" className={buttonClass("primary")}>
            {t("home.ctaDecks")}
          </Link>
          <Link href="/signup" className={buttonClass("secondary")}>
            {t("home.ctaSignUp")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="features" className="flex flex-col gap-2">
        <h2 id="features" className="text-lg font-semibold">{t("home.featuresTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-fg-soft">
          <li>{t("home.featureBank")}</li>
          <li>{t("home.featureMemory")}</li>
          <li>{t("home.featureClasses")}</li>
        </ul>
      </section>
    </div>
  );
}

/**
 * Signed in: a teacher's open assignments (with where the students stand) and active classes;
 * today's study counts; a student's assignments still to do.
 */
async function SignedInHome({ user }: { user: SessionUser }) {
  const { t, locale } = await getT();
  const now = new Date();
  const [{ counts, settings }, assignments, classes] = await Promise.all([
    getTodayCounts(db(), user.id, now),
    user.role === "student" ? listStudentAssignments(db(), user.id, now) : [],
    user.role === "teacher" ? listClassesOfTeacher(db(), user) : [],
  ]);
  const toDo = assignments.filter((a) => TO_DO.includes(a.status));
  const active = classes.filter((c) => !c.archived);
  const classAssignments = await Promise.all(
    active.map(async (c) => ({ classId: c.id, className: c.name, assignments: (await listClassAssignments(db(), user, c.id, now)).assignments })),
  );
  const nothingDue = counts.learning + counts.due + counts.new === 0;
  const firstVisit = await isNewAccount(db(), user.id, learnerDay(now, settings.timeZone, settings.dayStartHour).start);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t(firstVisit ? "home.welcomeNew" : "home.welcome", { name: user.name })}</h1>
      {/* A teacher's day starts with the classes; their own study follows. */}
      {user.role === "teacher" && <TeacherOpenAssignments groups={classAssignments} now={now} />}
      {active.length > 0 && <TeacherClassList classes={active} />}
      <section aria-labelledby="today" className="flex flex-col gap-3 rounded-xl border border-line bg-raised p-4">
        <h2 id="today" className="text-lg font-semibold">{t("home.today")}</h2>
        <ExamCountdown settings={settings} now={now} locale={locale} t={t} />
        <p data-testid="home-counts">{nothingDue ? t("study.done") : t("study.counts", counts)}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/study" className={buttonClass(nothingDue ? "secondary" : "primary")}>
            {t("home.ctaStudy")}
          </Link>
          <Link href="/decks" className={buttonClass("secondary")}>
            {t("home.ctaDecks")}
          </Link>
        </div>
      </section>
      {toDo.length > 0 && (
        <div className="flex flex-col gap-2">
          <StudentAssignments assignments={toDo} timeZone={settings.timeZone} />
          <Link href="/assignments" className="inline-flex min-h-11 min-w-11 items-center self-start text-sm font-medium text-accent-fg underline">
            {t("home.allAssignments")}
          </Link>
        </div>
      )}
    </div>
  );
}
