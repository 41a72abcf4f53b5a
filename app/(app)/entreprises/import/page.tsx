import type { Metadata } from "next";
import Link from "next/link";
import { CompanyImport } from "@/components/imports/company-import";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listImportBatches } from "@/lib/imports/company-import.service";

export const metadata: Metadata = { title: "Importer des entreprises" };

const STATUS: Record<string, string> = { RUNNING: "en cours", DONE: "terminé", FAILED: "échoué", UNDONE: "annulé" };

export default async function ImportPage() {
  const user = await requirePageUser("company.write");
  const batches = await listImportBatches(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href="/entreprises" className="text-brand-700 underline">Entreprises</Link> / Import</p>
      <h1 className="text-2xl font-bold">Importer des entreprises</h1>
      <p className="text-muted">Entreprises et, si le fichier en contient, un contact par ligne (données professionnelles uniquement). Les lignes en erreur sont signalées avec leur numéro et ne sont pas importées ; un import entier peut être annulé.</p>
      <CompanyImport />
      <section aria-labelledby="history" className="rounded-lg border border-gray-300 bg-white p-4">
        <h2 id="history" className="mb-2 text-lg font-semibold">Derniers imports</h2>
        {batches.length === 0 ? <p className="text-sm text-muted">Aucun import pour l&apos;instant.</p> : (
          <ul className="text-sm">
            {batches.map((b) => (
              <li key={b.id}>{formatDateTime(b.createdAt)} — {b.fileName} : {b.createdCount} créée(s), {b.updatedCount} mise(s) à jour, {b.errorCount} erreur(s) — {STATUS[b.status]}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
