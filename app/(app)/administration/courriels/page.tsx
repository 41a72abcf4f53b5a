import type { Metadata } from "next";
import { OutboxTable } from "@/components/email/outbox-table";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listOutbox, outboxQuerySchema } from "@/lib/email/outbox.query";
import { parseSearchParams } from "@/lib/search-params";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Courriels" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("outbox.read");
  const q = parseSearchParams(outboxQuerySchema, await searchParams);
  const result = await listOutbox(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Courriels</PageTitle>
      <p className="max-w-3xl text-muted" data-testid="smtp-status">
        {result.smtp
          ? "Les courriels partent par le serveur SMTP configuré ; ceux qui échouent sont réessayés automatiquement et restent visibles ici."
          : "Aucun serveur SMTP n'est configuré : les courriels restent ici. Transmettez vous-même le lien d'invitation à la personne concernée, par un canal sûr."}
      </p>
      <OutboxTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
