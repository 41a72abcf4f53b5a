import type { Metadata } from "next";
import { BreachTable } from "@/components/rights/breach-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { breachListQuerySchema } from "@/lib/rights/breach.schema";
import { listBreaches } from "@/lib/rights/breach.service";
import { parseSearchParams } from "@/lib/search-params";
import { TextLink } from "@/components/ui/text-link";
import { AnchorButton, LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Registre des violations de données" };

const EXPORT = "/api/v1/breaches/export";

export default async function BreachesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("breach.read");
  const q = parseSearchParams(breachListQuerySchema, await searchParams);
  const result = await listBreaches(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd">Données personnelles</TextLink> › Violations</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Registre des violations de données</PageTitle>
        <div className="flex flex-wrap gap-2">
          <AnchorButton variant="secondary" href={`${EXPORT}?format=xlsx`} download>Exporter (XLSX)</AnchorButton>
          <AnchorButton variant="secondary" href={`${EXPORT}?format=html`} target="_blank" rel="noopener">Version imprimable</AnchorButton>
          {can(user, "breach.record") ? <LinkButton href="/rgpd/violations/nouvelle">Enregistrer une violation</LinkButton> : null}
        </div>
      </div>
      <p className="text-muted">Toute violation de données personnelles est notifiée au responsable de traitement dans le délai fixé par les règles en vigueur, avec sa nature, les catégories et le nombre approximatif de personnes et d&apos;enregistrements, un contact, les conséquences probables et les mesures prises.</p>
      <BreachTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
