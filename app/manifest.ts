import type { MetadataRoute } from "next";
import { messagesFor, defaultLocale } from "@/lib/i18n";

// The web app manifest (installable PWA). In the default language: the manifest is fetched once
// at install, without the locale cookie.
export default function manifest(): MetadataRoute.Manifest {
  const { app } = messagesFor(defaultLocale);
  return {
    id: "/study",
    name: app.name,
    short_name: app.name,
    description: app.description,
    lang: defaultLocale,
    start_url: "/study",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#0f766e",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
