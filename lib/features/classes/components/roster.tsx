import type { Locale } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { removeStudentAction } from "../actions";
import { formatDay } from "../format";
import type { RosterMember } from "../schema";
import { ConfirmAction } from "./confirm-action";

export async function Roster({ classId, members, timeZone, locale }: { classId: string; members: RosterMember[]; timeZone: string; locale: Locale }) {
  const { t } = await getT();
  return (
    <section aria-labelledby="roster-title" className="flex flex-col gap-3">
      <h2 id="roster-title" className="text-lg font-semibold">
        {t("classes.page.roster", { count: members.length })}
      </h2>
      {members.length === 0 ? (
        <p className="text-fg-soft">{t("classes.page.rosterEmpty")}</p>
      ) : (
        <ul data-testid="roster" className="flex flex-col divide-y divide-line">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{m.name}</p>
                <p className="text-sm break-all text-muted">{m.email}</p>
                <p className="text-sm text-muted">{t("classes.joinedOn", { date: formatDay(m.joinedAt, locale, timeZone) })}</p>
              </div>
              <ConfirmAction
                action={removeStudentAction}
                fields={{ classId, userId: m.userId }}
                label={t("classes.page.remove")}
                ariaLabel={t("classes.page.removeLabel", { name: m.name })}
                question={t("classes.page.removeQuestion", { name: m.name })}
                confirmLabel={t("classes.page.confirmRemove")}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
