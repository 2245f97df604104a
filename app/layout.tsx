import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/lib/features/pwa/components/service-worker";
import { SiteHeader } from "@/lib/features/shell/components/site-header";
import { I18nProvider } from "@/lib/i18n/client";
import { getT } from "@/lib/i18n/server";
import { getOptionalUser } from "@/lib/server/auth/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return {
    title: { default: t("app.name"), template: `%s · ${t("app.name")}` },
    description: t("app.description"),
    appleWebApp: { capable: true, title: t("app.name"), statusBarStyle: "default" },
    icons: { icon: { url: "/icons/icon-192.png", type: "image/png", sizes: "192x192" }, apple: "/icons/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale }, user] = await Promise.all([getT(), getOptionalUser()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale}>
          <SiteHeader />
          {/* A page marked data-wide (a wide table) gets the screen's width, up to 80rem. */}
          <main className="mx-auto max-w-3xl px-4 py-6 has-[[data-wide]]:max-w-7xl">{children}</main>
          <ServiceWorker signedIn={user !== null} />
        </I18nProvider>
      </body>
    </html>
  );
}
