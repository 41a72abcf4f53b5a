import type { Metadata } from "next";
import { CompanyImport } from "@/components/imports/company-import";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listImportBatches } from "@/lib/imports/company-import.service";
import { TextLink } from "@/components/ui/text-link";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Importer des entreprises" };

const STATUS: Record<string, string> = { RUNNING: "en cours", DONE: "terminé", FAILED: "échoué", UNDONE: "annulé" };

export default async function ImportPage() {
  const user = await requirePageUser("company.write");
  const batches = await listImportBatches(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/entreprises">Entreprises</TextLink> / Import</p>
      <PageTitle>Importer des entreprises</PageTitle>
      <p className="text-muted">Entreprises et, si le fichier en contient, un contact par ligne (données professionnelles uniquement). Les lignes en erreur sont signalées avec leur numéro et ne sont pas importées ; un import entier peut être annulé.</p>
      <CompanyImport />
      <Card as="section" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">Derniers imports</h2>
        {batches.length === 0 ? <p className="text-sm text-muted">Aucun import pour l&apos;instant.</p> : (
          <ul className="text-sm">
            {batches.map((b) => (
              <li key={b.id}>{formatDateTime(b.createdAt)} — {b.fileName} : {b.createdCount} créée(s), {b.updatedCount} mise(s) à jour, {b.errorCount} erreur(s) — {STATUS[b.status]}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
