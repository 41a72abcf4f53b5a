import type { Metadata } from "next";
import Link from "next/link";
import { AuditActionFilter } from "@/components/audit/audit-action-filter";
import { AuditTable } from "@/components/audit/audit-table";
import { activeFilterCount, FilterField, FilterForm } from "@/components/ui/filter-form";
import { listAuditEvents } from "@/lib/audit/audit.query";
import { auditListQuerySchema } from "@/lib/audit/audit.schema";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { Notice } from "@/components/ui/card";
import { parseSearchParams, readListPage } from "@/lib/search-params";

export const metadata: Metadata = { title: "Données personnelles" };


export default async function GdprPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("audit.read");
  const asked = parseSearchParams(auditListQuerySchema, await searchParams);
  const { result, q, notice } = await readListPage(asked, (x) => listAuditEvents(db, user, x));
  const filters = new URLSearchParams(
    Object.entries({ action: q.action, actorEmail: q.actorEmail, person: q.person, from: q.from, to: q.to }).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  const exportUrl = (format: "xlsx" | "csv") => `/api/v1/audit-events/export?format=${format}${filters ? `&${filters}` : ""}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p className="text-muted">Connexions, accès aux données personnelles et opérations sensibles, du plus récent au plus ancien.</p>
      <ul className="flex flex-wrap gap-4">
        <li><Link href="/rgpd/conservation" className="text-brand-700 underline">Conservation des données : exécutions et simulations</Link></li>
        <li><Link href="/rgpd/archives" className="text-brand-700 underline">Personnes archivées</Link></li>
      </ul>
      <FilterForm
        label="Rechercher dans le journal"
        search={{ label: "Personne (demandeur d'emploi)", name: "person", id: "f-person", defaultValue: q.person, hint: "Nom, e-mail, identifiant France Travail ou n° de fiche", className: "lg:w-64" }}
        active={activeFilterCount({ actorEmail: q.actorEmail, from: q.from, to: q.to, action: q.action })}
        clearHref="/rgpd"
        submitLabel="Rechercher"
      >
        <FilterField id="f-actor" name="actorEmail" label="Utilisateur (adresse e-mail)" type="email" defaultValue={q.actorEmail} />
        <FilterField id="f-from" name="from" label="Du" type="date" defaultValue={q.from} />
        <FilterField id="f-to" name="to" label="Au (inclus)" type="date" defaultValue={q.to} />
        <AuditActionFilter value={q.action} />
      </FilterForm>
      <p className="text-sm" data-testid="audit-total">{result.total} événement{result.total > 1 ? "s" : ""} trouvé{result.total > 1 ? "s" : ""}.</p>
      {can(user, "audit.export") ? (
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={exportUrl("xlsx")} className="text-brand-700 underline">Exporter le résultat (XLSX)</a>
          <a href={exportUrl("csv")} className="text-brand-700 underline">Exporter le résultat (CSV)</a>
          <span className="text-muted">Chaque export est lui-même tracé dans le journal.</span>
        </p>
      ) : null}
      <AuditTable data={result.items} total={result.total} totalKind={result.totalKind} next={result.next} prev={result.prev} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
