import type { Metadata } from "next";
import Link from "next/link";
import { NewFileForm } from "@/components/subsidy/new-file-form";
import { SubsidyTable } from "@/components/subsidy/subsidy-table";
import { can } from "@/lib/authz/policy";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { listSubsidyFiles } from "@/lib/subsidy/subsidy.service";

export const metadata: Metadata = { title: "Financement" };

export default async function SubsidyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("subsidy.read");
  const q = parseSearchParams(subsidyListQuerySchema, await searchParams);
  const result = await listSubsidyFiles(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Dossiers de subvention</h1>
      <p className="text-muted">Demandes, montants attribués et versements, par plateforme, année et financeur.</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/financement/echeances" className="text-brand-700 underline">Échéances financières (retards, comptes rendus, tranches)</Link>
        {can(user, "subsidy.export") ? (
          <>
            <a href="/api/v1/open-data/subventions?format=csv" className="text-brand-700 underline">Données essentielles des conventions (CSV, décret 2017-779)</a>
            <a href="/api/v1/open-data/subventions?format=json" className="text-brand-700 underline">Données essentielles (JSON)</a>
          </>
        ) : null}
      </p>
      {can(user, "subsidy.submit") ? <NewFileForm defaultYear={new Date().getUTCFullYear() + 1} /> : null}
      <SubsidyTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
