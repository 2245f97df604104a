import { Link } from "@/lib/ui/link";
import type { Role } from "@/lib/core/roles";
import { getT } from "@/lib/i18n/server";
import { buttonClass } from "@/lib/ui/button";
import type { JoinPreview } from "../schema";
import { JoinForm } from "./join-form";

export async function TeachersCannotJoin() {
  const { t } = await getT();
  return (
    <>
      <p>{t("classes.join.teachersCannotJoin")}</p>
      <Link href="/classes" className={buttonClass("secondary", "self-start")}>
        {t("classes.title")}
      </Link>
    </>
  );
}

/** What a join link shows: the class and a Join button, or why it cannot be joined. */
export async function JoinPreviewCard({ preview, role }: { preview: JoinPreview | null | "RATE_LIMITED"; role: Role }) {
  const { t } = await getT();
  if (preview === "RATE_LIMITED") {
    return (
      <p role="alert" data-testid="join-rate-limited">
        {t("errors.RATE_LIMITED")}
      </p>
    );
  }
  if (!preview) {
    return (
      <>
        <p role="alert">{t("classes.join.codeUnknown")}</p>
        <Link href="/join" className={buttonClass("secondary", "self-start")}>
          {t("classes.join.typeCode")}
        </Link>
      </>
    );
  }
  if (role === "teacher") return <TeachersCannotJoin />;
  return (
    <>
      <div className="rounded-lg border border-line p-4">
        <p className="text-sm text-muted">{t("classes.join.invited")}</p>
        <p data-testid="join-class-name" className="text-xl font-semibold">{preview.name}</p>
        <p className="text-fg-soft">{t("classes.teacherIs", { name: preview.teacherName })}</p>
      </div>
      {preview.alreadyMember ? (
        <>
          <p>{t("classes.join.alreadyMember")}</p>
          <Link href={`/classes/${preview.classId}`} className={buttonClass("primary", "self-start")}>
            {t("classes.join.openClass")}
          </Link>
        </>
      ) : preview.archived ? (
        <p role="alert">{t("classes.join.archived")}</p>
      ) : (
        <JoinForm code={preview.joinCode} />
      )}
    </>
  );
}
