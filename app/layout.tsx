import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SI Proch'Emploi", template: "%s · SI Proch'Emploi" },
  description: "Système d'information des plateformes territoriales Proch'Emploi — Région Hauts-de-France",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
