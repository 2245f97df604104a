import QRCode from "qrcode";
import { getT } from "@/lib/i18n/server";
import { CopyButton } from "./copy-button";
import { PresentButton } from "./present-button";

const PANEL_ID = "join-panel";

/**
 * The code, the link and its QR code, big enough to read from the back of a classroom.
 * The QR code is made on the server as SVG: crisp at any projector size, no script needed.
 */
export async function JoinCodePanel({ code, url }: { code: string; url: string }) {
  const { t } = await getT();
  const svg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return (
    <section
      id={PANEL_ID}
      aria-labelledby="join-panel-title"
      className="flex flex-col items-center gap-4 rounded-xl border border-line bg-raised p-4 text-fg [&:fullscreen]:justify-center [&:fullscreen]:border-0"
    >
      <h2 id="join-panel-title" className="text-lg font-semibold [:fullscreen_&]:text-4xl">{t("classes.page.joinTitle")}</h2>
      <p className="text-sm text-muted [:fullscreen_&]:text-2xl">{t("classes.page.joinCode")}</p>
      <p data-testid="join-code" className="font-mono text-5xl font-bold tracking-[0.2em] sm:text-7xl [:fullscreen_&]:text-[12vw]">
        {code}
      </p>
      <div
        role="img"
        aria-label={t("classes.page.qr")}
        className="w-56 max-w-full sm:w-64 [:fullscreen_&]:w-[min(40vh,40vw)] [&>svg]:h-auto [&>svg]:w-full"
        // The SVG comes from the qrcode package and holds only paths made from the URL's bits.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="text-center text-sm [:fullscreen_&]:text-2xl">
        {t("classes.page.joinLink")}{" "}
        <a href={url} data-testid="join-link" className="font-mono break-all text-accent-fg underline">
          {url}
        </a>
      </p>
      <div className="flex flex-wrap items-start justify-center gap-2">
        <CopyButton text={code} label="classes.page.copyCode" />
        <CopyButton text={url} label="classes.page.copyLink" />
        <PresentButton targetId={PANEL_ID} />
      </div>
    </section>
  );
}
