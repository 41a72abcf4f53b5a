import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { CompanyFilters } from "@/components/companies/company-filters";
import { CompanyTable } from "@/components/companies/company-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { listCompanies, listCompanySectors } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { db } from "@/lib/db";
import { Notice } from "@/components/ui/card";
import { parseSearchParams, readListPage } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Entreprises" };

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("company.read");
  const asked = parseSearchParams(companyListQuerySchema, await searchParams);
  const [{ result, q, notice }, sectors] = await Promise.all([readListPage(asked, (x) => listCompanies(db, user, x)), listCompanySectors(db, user)]);
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
      {notice ? <Notice>{notice}</Notice> : null}
      <CompanyFilters q={q} sectors={sectors} />
      <CompanyTable data={result.items} total={result.total} totalKind={result.totalKind} next={result.next} prev={result.prev} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
