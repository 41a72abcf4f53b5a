import type { Metadata } from "next";
import { IdentityExportForm } from "@/components/exports/identity-export-form";
import { JobSeekerTable } from "@/components/job-seekers/job-seeker-table";
import { options } from "@/components/ui/form-sections";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListRow } from "@/lib/job-seekers/job-seeker-list.rows";
import { jobSeekerListQuerySchema, LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { Notice } from "@/components/ui/card";
import { parseSearchParams, readListPage } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { activeFilterCount, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demandeurs d'emploi" };

export default async function JobSeekersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("jobSeeker.read");
  const asked = parseSearchParams(jobSeekerListQuerySchema, await searchParams);
  const portfolio = user.role === "REGION_REFERENT";
  const purposes = can(user, "identityExport.run") ? (await getActiveRuleSet(db, "OPERATIONS", new Date())).payload.identityExportPurposes : [];
  const { result, q, notice } = await readListPage(asked, (x) => listJobSeekers(db, user, x, { purpose: portfolio ? "Portefeuille du référent" : "Liste des demandeurs d'emploi de la plateforme" }));
  const showPlatform = portfolio || user.platformIds.length > 1;
  const title = portfolio ? "Mon portefeuille de demandeurs d'emploi" : "Demandeurs d'emploi";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>{title}</PageTitle>
        {/* Issue 22 §6: identities are exported only with a stated purpose, by the roles that need them. */}
        <IdentityExportForm user={user} list="jobSeekers" query={q} purposes={purposes} />
        {can(user, "jobSeeker.write") ? (
          <div className="flex flex-wrap gap-2">
            {!portfolio ? <LinkButton variant="secondary" href="/demandeurs/import">Importer un fichier</LinkButton> : null}
            <LinkButton href="/demandeurs/nouveau">Nouveau demandeur d&apos;emploi</LinkButton>
          </div>
        ) : null}
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      {portfolio ? <p className="text-sm text-muted">Les personnes qui vous sont confiées (appels au numéro vert), toutes plateformes confondues, avec leur dernier positionnement.</p> : null}
      <FilterForm
        label="Rechercher un demandeur d'emploi"
        search={{ label: "Nom, e-mail, identifiant France Travail ou commune", defaultValue: q.q, className: "lg:w-80" }}
        active={activeFilterCount({ origin: q.origin })}
        clearHref="/demandeurs"
        submitLabel="Rechercher"
      >
        <FilterSelect id="f-origin" name="origin" label="Arrivée par" defaultValue={q.origin} all="Toutes" options={options(LABELS.origin)} />
      </FilterForm>
      <JobSeekerTable caption={title} data={result.items.map((r) => jobSeekerListRow(r, { showPlatform }))} total={result.total} totalKind={result.totalKind} next={result.next} prev={result.prev} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={showPlatform} />
    </div>
  );
}
