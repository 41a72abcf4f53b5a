import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { CompanyFilters } from "@/components/companies/company-filters";
import { CompanyTable } from "@/components/companies/company-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { listCompanies, listCompanySectors } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Entreprises" };

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("company.read");
  const q = parseSearchParams(companyListQuerySchema, await searchParams);
  const [result, sectors] = await Promise.all([listCompanies(db, user, q), listCompanySectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Entreprises</PageTitle>
        <ExportLinks user={user} list="companies" query={q} />
        {can(user, "company.write") ? (
          <div className="flex gap-2">
            <LinkButton variant="secondary" href="/entreprises/import">Importer un fichier</LinkButton>
            <LinkButton href="/entreprises/nouvelle">Nouvelle entreprise</LinkButton>
          </div>
        ) : null}
      </div>
      <CompanyFilters q={q} sectors={sectors} />
      <CompanyTable data={result.items} total={result.total} totalKind={result.totalKind} next={result.next} prev={result.prev} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
