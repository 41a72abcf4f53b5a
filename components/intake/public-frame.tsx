import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { Card, cardBox } from "@/components/ui/card";

/** The frame of the public intake pages (issue 23): no account, the numéro vert first. */
export function PublicFrame({ title, intro, numeroVert, children }: { title: string; intro: ReactNode; numeroVert: string; children: ReactNode }) {
  const tel = numeroVert.replace(/[^\d+]/g, "");
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-xl flex-col gap-4 p-4 sm:p-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Proch&apos;Emploi · Région Hauts-de-France</p>
        <PageTitle>{title}</PageTitle>
        <div id="intake-intro" className="mt-2 text-muted">{intro}</div>
      </div>
      <p className={cardBox("sm", "bg-brand-50")}>
        Vous préférez parler à quelqu&apos;un ? Appelez le numéro vert{" "}
        <a href={`tel:${tel}`} className="font-semibold text-brand-700 underline">{numeroVert}</a> (appel gratuit).
      </p>
      <Card className="shadow-sm sm:p-6">{children}</Card>
      <nav aria-label="Autres demandes" className="flex flex-col gap-1 text-sm">
        <TextLink href="/vous-recrutez">Vous recrutez ?</TextLink>
        <TextLink href="/vous-cherchez-un-emploi">Vous cherchez un emploi ?</TextLink>
      </nav>
    </main>
  );
}
