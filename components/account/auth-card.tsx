import type { ReactNode } from "react";

/** The frame of the pages reached without a session (login, password links, charter). */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-6 p-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">SI Proch&apos;Emploi · Région Hauts-de-France</p>
        <h1 className="text-2xl font-bold">{title}</h1>
        {intro ? <div className="mt-2 text-muted">{intro}</div> : null}
      </div>
      <div className="rounded-lg border border-gray-300 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
