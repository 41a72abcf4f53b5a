import type { Metadata } from "next";
import { GovernanceProgressPanel } from "@/components/governance/governance-progress";
import { GovernanceTable } from "@/components/governance/governance-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { GOVERNANCE_KIND_LABELS, GOVERNANCE_KINDS } from "@/lib/governance/governance.rules";
import { governanceListQuerySchema } from "@/lib/governance/governance.schema";
import { governanceProgressByPlatform, listGovernanceMeetings } from "@/lib/governance/governance.service";
import { parisDay } from "@/lib/paris-day";
import { parseSearchParams } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { activeFilterCount, FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Gouvernance" };

export default async function GovernancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("governance.read");
  const q = parseSearchParams(governanceListQuerySchema, await searchParams);
  const [result, progress] = await Promise.all([listGovernanceMeetings(db, user, q), governanceProgressByPlatform(db, user)]);
  const thisYear = parisDay().y;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Gouvernance</PageTitle>
        {can(user, "governance.write") ? (
          <LinkButton href="/gouvernance/nouvelle">
            Nouvelle réunion
          </LinkButton>
        ) : null}
      </div>
      <GovernanceProgressPanel platforms={progress} />
      <section aria-labelledby="meetings-title" className="flex flex-col gap-3">
        <h2 id="meetings-title" className="text-lg font-semibold">Réunions</h2>
        <FilterForm label="Filtrer les réunions" active={activeFilterCount({ kind: q.kind, year: q.year })} clearHref="/gouvernance">
          <div className="flex flex-col">
            <label htmlFor="f-kind" className="text-sm font-medium">Instance</label>
            <select id="f-kind" name="kind" defaultValue={q.kind ?? ""} className="rounded border border-gray-400 bg-white px-3 py-2">
              <option value="">Toutes</option>
              {GOVERNANCE_KINDS.map((k) => (
                <option key={k} value={k}>{GOVERNANCE_KIND_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor="f-year" className="text-sm font-medium">Année</label>
            <select id="f-year" name="year" defaultValue={q.year ? String(q.year) : ""} className="rounded border border-gray-400 bg-white px-3 py-2">
              <option value="">Toutes</option>
              {[0, 1, 2, 3, 4].map((d) => (
                <option key={d} value={thisYear - d}>{thisYear - d}</option>
              ))}
            </select>
          </div>
        </FilterForm>
        <GovernanceTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
      </section>
    </div>
  );
}
