import type { Metadata } from "next";
import { ArchivedTable } from "@/components/job-seekers/archived-table";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listArchivedJobSeekers } from "@/lib/job-seekers/archived.query";
import { archivedListQuerySchema } from "@/lib/job-seekers/archived.schema";
import { parseSearchParams } from "@/lib/search-params";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Archives des demandeurs d'emploi" };

export default async function ArchivesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("jobSeeker.readArchived");
  const q = parseSearchParams(archivedListQuerySchema, await searchParams);
  const result = await listArchivedJobSeekers(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Archives des demandeurs d&apos;emploi</PageTitle>
      <p className="max-w-3xl text-muted">
        Personnes dont le dernier contact date de plus de 18 mois : elles n&apos;apparaissent plus dans les listes, la recherche,
        le rapprochement ni les exports, et seront détruites à 24 mois. Chaque consultation d&apos;une fiche exige un motif,
        conservé dans le journal d&apos;audit.
      </p>
      <FilterForm label="Rechercher une personne archivée" search={{ label: "Nom ou prénom", defaultValue: q.q, className: "lg:w-56" }} clearHref="/rgpd/archives" submitLabel="Rechercher" />
      <ArchivedTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
