import type { Metadata } from "next";
import { ChefDeFileTable } from "@/components/chefs-de-file/chef-de-file-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { chefDeFileListQuerySchema } from "@/lib/chefs-de-file/chef-de-file.schema";
import { listChefSectors, listChefsDeFile } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { activeFilterCount, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Chefs de file métiers" };

export default async function ChefsDeFilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("chefDeFile.read");
  const q = parseSearchParams(chefDeFileListQuerySchema, await searchParams);
  const [result, sectors] = await Promise.all([listChefsDeFile(db, user, q), listChefSectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Chefs de file métiers</PageTitle>
        {can(user, "chefDeFile.write") ? (
          <LinkButton href="/chefs-de-file/nouveau">
            Nouveau chef de file
          </LinkButton>
        ) : null}
      </div>
      <FilterForm
        label="Filtrer les chefs de file"
        search={{ label: "Nom ou entreprise", defaultValue: q.q, className: "lg:w-64" }}
        active={activeFilterCount({ sector: q.sector, active: q.active })}
        clearHref="/chefs-de-file"
      >
        <FilterSelect id="f-sector" name="sector" label="Filière" defaultValue={q.sector} all="Toutes" options={sectors.map((s) => ({ value: s, label: s }))} />
        <FilterSelect id="f-active" name="active" label="État" defaultValue={q.active} all="Tous" options={[{ value: "true", label: "Actifs" }, { value: "false", label: "Inactifs" }]} />
      </FilterForm>
      <ChefDeFileTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
