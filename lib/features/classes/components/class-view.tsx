import { Link } from "@/lib/ui/link";
import type { Locale } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { buttonClass } from "@/lib/ui/button";
import { formatDay } from "../format";
import type { RosterMember, StudentClassSummary } from "../schema";
import { ArchivedBadge } from "./class-lists";
import { ClassControls } from "./class-controls";
import { JoinCodePanel } from "./join-code-panel";
import { Roster } from "./roster";

interface TeacherClass {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  roster: RosterMember[];
}

function ClassTitle({ name, archived }: { name: string; archived: boolean }) {
  return (
    <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
      {name}
      {archived && <ArchivedBadge />}
    </h1>
  );
}

export async function TeacherClassView({ cls, joinUrl, locale, timeZone }: { cls: TeacherClass; joinUrl: string; locale: Locale; timeZone: string }) {
  const { t } = await getT();
  return (
    <div className="flex flex-col gap-6">
      <ClassTitle name={cls.name} archived={cls.archived} />
      <nav aria-label={t("classes.page.sections")} className="flex flex-wrap gap-2">
        <Link href={`/classes/${cls.id}/assignments`} className={buttonClass("primary")}>
          {t("classes.page.assignments")}
        </Link>
        <Link href={`/classes/${cls.id}/recall`} className={buttonClass("secondary")}>
          {t("classes.page.recall")}
        </Link>
      </nav>
      {cls.archived ? (
        <p className="rounded-lg border border-line-strong p-3">{t("classes.page.archivedNote")}</p>
      ) : (
        <JoinCodePanel code={cls.joinCode} url={joinUrl} />
      )}
      <ClassControls classId={cls.id} archived={cls.archived} />
      <Roster classId={cls.id} members={cls.roster} locale={locale} timeZone={timeZone} />
    </div>
  );
}

export async function StudentClassView({ cls, locale, timeZone, joined = false }: { cls: StudentClassSummary; locale: Locale; timeZone: string; joined?: boolean }) {
  const { t } = await getT();
  return (
    <div className="flex flex-col gap-4">
      <ClassTitle name={cls.name} archived={cls.archived} />
      {joined && (
        <p role="status" className="rounded-lg border border-ok bg-ok-soft p-3">
          <span aria-hidden="true">✓ </span>
          {t("classes.join.joined", { name: cls.name })}
        </p>
      )}
      <p className="text-fg-soft">
        {t("classes.teacherIs", { name: cls.teacherName })} · {t("classes.joinedOn", { date: formatDay(cls.joinedAt, locale, timeZone) })}
      </p>
      {cls.archived && <p className="rounded-lg border border-line-strong p-3">{t("classes.page.studentArchivedNote")}</p>}
      <Link href={`/classes/${cls.id}/assignments`} className={buttonClass("primary", "self-start")}>
        {t("classes.page.assignments")}
      </Link>
    </div>
  );
}
