import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export function StatusPage({ code, title, children }: { code: string; title: string; children: React.ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-4 p-6">
      <p className="text-sm font-semibold text-muted">Erreur {code}</p>
      <PageTitle>{title}</PageTitle>
      <div className="text-muted">{children}</div>
      <p>
        <TextLink href="/">
          Retour à l&apos;accueil
        </TextLink>
      </p>
    </main>
  );
}
