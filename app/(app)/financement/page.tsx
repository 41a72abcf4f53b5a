import type { Metadata } from "next";
import { NewFileForm } from "@/components/subsidy/new-file-form";
import { SubsidyTable } from "@/components/subsidy/subsidy-table";
import { can } from "@/lib/authz/policy";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parisDay } from "@/lib/paris-day";
import { parseSearchParams } from "@/lib/search-params";
import { subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { listSubsidyFiles } from "@/lib/subsidy/subsidy.service";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Financement" };

export default async function SubsidyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("subsidy.read");
  const q = parseSearchParams(subsidyListQuerySchema, await searchParams);
  const result = await listSubsidyFiles(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Dossiers de subvention</PageTitle>
      <p className="text-muted">Demandes, montants attribués et versements, par plateforme, année et financeur.</p>
      <p className="flex flex-wrap gap-4">
        <TextLink href="/financement/echeances">Échéances financières (retards, comptes rendus, tranches)</TextLink>
        {can(user, "subsidy.export") ? (
          <>
            <a href="/api/v1/open-data/subventions?format=csv" className="text-brand-700 underline">Données essentielles des conventions (CSV, décret 2017-779)</a>
            <a href="/api/v1/open-data/subventions?format=json" className="text-brand-700 underline">Données essentielles (JSON)</a>
          </>
        ) : null}
      </p>
      {can(user, "subsidy.submit") ? <NewFileForm defaultYear={parisDay().y + 1} /> : null}
      <SubsidyTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
