import type { Metadata } from "next";
import { CompanyTable } from "@/components/companies/company-table";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanies, listCompanySectors } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Entreprises" };

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("company.read");
  const q = parseSearchParams(companyListQuerySchema, await searchParams);
  const [result, sectors] = await Promise.all([listCompanies(db, user, q), listCompanySectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Entreprises</h1>
      <form role="search" aria-label="Rechercher une entreprise" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="f-q" className="text-sm font-medium">Nom, SIRET ou commune</label>
          <input id="f-q" name="q" defaultValue={q.q ?? ""} className="w-72 rounded border border-gray-400 px-3 py-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="f-sector" className="text-sm font-medium">Filière</label>
          <select id="f-sector" name="sector" defaultValue={q.sector ?? ""} className="rounded border border-gray-400 px-3 py-2">
            <option value="">Toutes</option>
            {sectors.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Rechercher</button>
      </form>
      <CompanyTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
