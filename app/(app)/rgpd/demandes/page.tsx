import type { Metadata } from "next";
import Link from "next/link";
import { RightsTable } from "@/components/rights/rights-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { RIGHTS_KIND_LABELS, rightsListQuerySchema } from "@/lib/rights/rights.schema";
import { listRightsRequests } from "@/lib/rights/rights.service";
import { parseSearchParams } from "@/lib/search-params";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { activeFilterCount, FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demandes d'exercice de droits" };

export default async function RightsRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("rights.read");
  const q = parseSearchParams(rightsListQuerySchema, await searchParams);
  const result = await listRightsRequests(db, user, q);
  const overdue = await listRightsRequests(db, user, { page: 1, pageSize: 1, overdue: "true" });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd">Données personnelles</TextLink> › Demandes d&apos;exercice de droits</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Demandes d&apos;exercice de droits</PageTitle>
        {can(user, "rights.record") ? <LinkButton href="/rgpd/demandes/nouvelle">Enregistrer une demande</LinkButton> : null}
      </div>
      <p className="text-muted">Accès, rectification, effacement, limitation, opposition, portabilité : chaque demande affiche ses délais (transmission au responsable de traitement, réponse, exécution d&apos;un ordre), les plus proches d&apos;abord.</p>
      {overdue.total > 0 ? (
        <p role="status" className="rounded border-2 border-danger bg-red-50 p-3 font-semibold text-danger">
          <Icon name="alert" className="mr-1 inline-block align-[-2px]" />{overdue.total} demande{overdue.total > 1 ? "s" : ""} en retard. <Link href="/rgpd/demandes?overdue=true" className="underline">Voir les demandes en retard</Link>
        </p>
      ) : null}
      <FilterForm label="Filtrer les demandes" active={activeFilterCount({ status: q.status, kind: q.kind, overdue: q.overdue === "true" })} clearHref="/rgpd/demandes">
        <div className="flex flex-col">
          <label htmlFor="f-status" className="text-sm font-medium">État</label>
          <select id="f-status" name="status" defaultValue={q.status ?? ""} className="rounded border border-gray-400 bg-white px-3 py-2">
            <option value="">Toutes</option>
            <option value="open">En cours</option>
            <option value="closed">Closes</option>
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="f-kind" className="text-sm font-medium">Droit exercé</label>
          <select id="f-kind" name="kind" defaultValue={q.kind ?? ""} className="rounded border border-gray-400 bg-white px-3 py-2">
            <option value="">Tous</option>
            {Object.entries(RIGHTS_KIND_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="overdue" value="true" defaultChecked={q.overdue === "true"} /> En retard seulement</label>
      </FilterForm>
      <RightsTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
