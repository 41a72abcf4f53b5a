import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";

/** The frame of the pages reached without a session (login, password links, charter). */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">SI Proch&apos;Emploi · Région Hauts-de-France</p>
        <PageTitle>{title}</PageTitle>
        {intro ? <div className="mt-2 text-muted">{intro}</div> : null}
      </div>
      <Card padding="lg" className="shadow-sm">{children}</Card>
    </main>
  );
}
