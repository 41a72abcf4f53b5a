import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SI Proch'Emploi", template: "%s · SI Proch'Emploi" },
  description: "Système d'information des plateformes territoriales Proch'Emploi — Région Hauts-de-France",
};

// Every page is rendered per request: the CSP nonce (proxy.ts) can only be put on scripts then.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
