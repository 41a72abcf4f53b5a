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
import { options } from "@/components/ui/field";
import { activeFilterCount, FilterCheckbox, FilterForm, FilterSelect } from "@/components/ui/filter-form";
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
        <FilterSelect id="f-status" name="status" label="État" defaultValue={q.status} all="Toutes" options={[{ value: "open", label: "En cours" }, { value: "closed", label: "Closes" }]} />
        <FilterSelect id="f-kind" name="kind" label="Droit exercé" defaultValue={q.kind} all="Tous" options={options(RIGHTS_KIND_LABELS)} />
        <FilterCheckbox id="f-overdue" name="overdue" label="En retard seulement" defaultChecked={q.overdue === "true"} />
      </FilterForm>
      <RightsTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
