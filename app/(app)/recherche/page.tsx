import type { Metadata } from "next";
import Link from "next/link";
import { NewVisitLink } from "@/components/visits/new-visit-link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { globalSearch } from "@/lib/search/search.service";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Recherche" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requirePageUser("search.run");
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim();
  let result = null;
  let problem: string | null = null;
  if (q) {
    try {
      result = await globalSearch(db, user, { q });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      problem = e.fields?.q?.[0] ?? e.message;
    }
  }
  const canVisit = can(user, "visit.write");
  const total = result?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Recherche</PageTitle>
      <p className="text-muted" aria-live="polite">
        {!q ? "Saisissez un nom, une raison sociale, un SIRET, un intitulé d'offre ou d'événement dans la barre de recherche (raccourci : / ou Ctrl+K)." : null}
        {problem}
        {result ? (total === 0 ? `Aucun résultat pour « ${q} » dans votre périmètre.` : `${total} résultat${total > 1 ? "s" : ""} pour « ${q} ».`) : null}
      </p>
      {result?.groups.map((g) => (
        <Card as="section" key={g.type} aria-labelledby={`group-${g.type}`}>
          <h2 id={`group-${g.type}`} className="text-lg font-semibold">
            {g.label} <span className="text-sm font-normal text-muted">({g.hits.length})</span>
          </h2>
          {g.hits.length === 0 ? (
            <p className="text-sm text-muted">Aucun résultat.</p>
          ) : (
            <ul className="mt-2 flex flex-col divide-y divide-gray-200">
              {g.hits.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <Link href={h.href} className="font-medium text-brand-700 underline">{h.title}</Link>
                    <span className="block text-sm text-muted">{h.subtitle}</span>
                  </div>
                  {g.type === "company" && canVisit ? <NewVisitLink companyId={h.id} companyName={h.title} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </div>
  );
}
