import Link from "next/link";

export function StatusPage({ code, title, children }: { code: string; title: string; children: React.ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-4 p-6">
      <p className="text-sm font-semibold text-muted">Erreur {code}</p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="text-muted">{children}</div>
      <p>
        <Link href="/" className="text-brand-700 underline">
          Retour à l&apos;accueil
        </Link>
      </p>
    </main>
  );
}
