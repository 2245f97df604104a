import { Link } from "@/lib/ui/link";
import type { Locale } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { formatDay } from "../format";
import type { StudentClassSummary, TeacherClassSummary } from "../schema";

const card = "flex min-h-11 min-w-11 flex-col gap-1 rounded-lg border border-line p-3 hover:bg-surface focus-visible:outline-2 focus-visible:outline-focus";

export async function ArchivedBadge() {
  const { t } = await getT();
  return <span className="rounded border border-line-strong px-1.5 text-xs font-medium text-fg-soft">{t("classes.archivedBadge")}</span>;
}

/** A teacher's classes: active ones, then the archived ones under their own heading. */
export async function TeacherClassList({ classes }: { classes: TeacherClassSummary[] }) {
  const { t } = await getT();
  if (classes.length === 0) return <p className="text-fg-soft">{t("classes.noneTeacher")}</p>;
  const groups = [
    { key: "active", title: t("classes.active"), items: classes.filter((c) => !c.archived) },
    { key: "archived", title: t("classes.archivedSection"), items: classes.filter((c) => c.archived) },
  ].filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`classes-${g.key}`} className="flex flex-col gap-2">
          <h2 id={`classes-${g.key}`} className="text-lg font-semibold">{g.title}</h2>
          <ul className="flex flex-col gap-2">
            {g.items.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}`} className={card}>
                  <span className="flex items-center gap-2 font-medium">
                    {c.name}
                    {c.archived && <ArchivedBadge />}
                  </span>
                  <span className="text-sm text-muted">
                    {t("classes.codeIs", { code: c.joinCode })} · {t("classes.studentCount", { count: c.memberCount })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export async function StudentClassList({ classes, locale, timeZone }: { classes: StudentClassSummary[]; locale: Locale; timeZone: string }) {
  const { t } = await getT();
  if (classes.length === 0) return <p className="text-fg-soft">{t("classes.noneStudent")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {classes.map((c) => (
        <li key={c.id}>
          <Link href={`/classes/${c.id}`} className={card}>
            <span className="flex items-center gap-2 font-medium">
              {c.name}
              {c.archived && <ArchivedBadge />}
            </span>
            <span className="text-sm text-muted">
              {t("classes.teacherIs", { name: c.teacherName })} · {t("classes.joinedOn", { date: formatDay(c.joinedAt, locale, timeZone) })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
