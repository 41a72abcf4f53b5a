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
import { activeFilterCount, FilterForm, FilterSelect } from "@/components/ui/filter-form";
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
          <FilterSelect id="f-kind" name="kind" label="Instance" defaultValue={q.kind} all="Toutes" options={GOVERNANCE_KINDS.map((k) => ({ value: k, label: GOVERNANCE_KIND_LABELS[k] }))} />
          <FilterSelect id="f-year" name="year" label="Année" defaultValue={q.year || null} all="Toutes" options={[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} />
        </FilterForm>
        <GovernanceTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
      </section>
    </div>
  );
}
