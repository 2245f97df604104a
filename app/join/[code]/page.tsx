import type { Metadata } from "next";
import { JoinPreviewCard } from "@/lib/features/classes/components/join-preview";
import { previewJoin } from "@/lib/features/classes/data";
import { getT } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { AppError, AppErrorCode } from "@/lib/server/errors";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("classes.join.title") };
}

export default async function JoinByLinkPage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser({ returnTo: `/join/${encodeURIComponent(code)}` });
  const { t } = await getT();
  // Past the join limit the page says so instead of whether the code exists.
  const preview = await previewJoin(db(), user.id, code, new Date()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === AppErrorCode.RateLimited) return "RATE_LIMITED" as const;
    throw error;
  });
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("classes.join.title")}</h1>
      <JoinPreviewCard preview={preview} role={user.role} />
    </div>
  );
}
