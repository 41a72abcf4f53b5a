import type { Metadata } from "next";
import { DryRunButton } from "@/components/retention/dry-run-button";
import { PurgeRunTable } from "@/components/retention/purge-run-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { listPurgeRuns } from "@/lib/retention/purge-run.query";
import { purgeRunListQuerySchema } from "@/lib/retention/purge-run.schema";
import { parseSearchParams } from "@/lib/search-params";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Conservation des données" };

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("purge.read");
  const q = parseSearchParams(purgeRunListQuerySchema, await searchParams);
  const result = await listPurgeRuns(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd">Données personnelles</TextLink> › Conservation</p>
      <PageTitle>Conservation des données</PageTitle>
      <p className="text-muted">
        Chaque nuit, les demandeurs d&apos;emploi sans contact depuis la durée fixée par les règles en vigueur sont archivés, puis détruits ;
        les contacts d&apos;entreprise sont détruits après la durée prévue. Une simulation montre ce qu&apos;une exécution ferait maintenant, sans rien modifier.
      </p>
      {can(user, "purge.run") ? <DryRunButton /> : null}
      <PurgeRunTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
