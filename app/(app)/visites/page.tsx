import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { NewVisitLink } from "@/components/visits/new-visit-link";
import { VisitTable } from "@/components/visits/visit-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { parseSearchParams, readListPage } from "@/lib/search-params";
import { visitListQuerySchema } from "@/lib/visits/visit.schema";
import { listVisits } from "@/lib/visits/visit.service";
import { activeFilterCount, FilterCheckbox, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox, Notice } from "@/components/ui/card";

export const metadata: Metadata = { title: "Visites" };

export default async function VisitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("visit.read");
  const asked = parseSearchParams(visitListQuerySchema, await searchParams);
  const { result, q, notice } = await readListPage(asked, (x) => listVisits(db, user, x));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Visites d&apos;entreprises</PageTitle>
        {can(user, "visit.write") ? <NewVisitLink /> : null}
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <ExportLinks user={user} list="visits" query={q} />
      <FilterForm label="Filtrer les visites" active={activeFilterCount({ when: q.when, mine: q.mine === "true" }, { when: "all" })} clearHref="/visites" className={cardBox("sm")}>
        {/* « Toutes » is a value of its own (the default, `all`), not an empty filter. */}
        <FilterSelect id="f-when" name="when" label="Période" defaultValue={q.when} all={null}
          options={[{ value: "all", label: "Toutes" }, { value: "upcoming", label: "À venir" }, { value: "past", label: "Passées" }]} />
        <FilterCheckbox id="f-mine" name="mine" label="Mes visites seulement" defaultChecked={q.mine === "true"} />
      </FilterForm>
      <VisitTable data={result.items} total={result.total} totalKind={result.totalKind} next={result.next} prev={result.prev} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
