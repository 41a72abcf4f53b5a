import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SI Proch'Emploi", template: "%s · SI Proch'Emploi" },
  description: "Système d'information des plateformes territoriales Proch'Emploi — Région Hauts-de-France",
  // Static files of public/ (scripts/make-icons.ts rasterises public/icon.svg).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f5aa6" };

// Every page is rendered per request: the CSP nonce (server/app-server.ts) can only be put on scripts then.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
