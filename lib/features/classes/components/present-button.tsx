"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/lib/ui/button";

/** Shows the join panel full screen, for a projector; Escape leaves (the browser's own key). */
export function PresentButton({ targetId }: { targetId: string }) {
  const { t } = useI18n();
  return (
    <Button type="button" variant="secondary" className="[:fullscreen_&]:hidden" onClick={() => void document.getElementById(targetId)?.requestFullscreen()}>
      {t("classes.page.present")}
    </Button>
  );
}
