import type { Metadata } from "next";
import { JobSeekerImport } from "@/components/imports/job-seeker-import";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime, parisToday } from "@/lib/format";
import { listJobSeekerImportBatches } from "@/lib/imports/job-seeker-import.service";
import { TextLink } from "@/components/ui/text-link";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Importer des demandeurs d'emploi" };

const STATUS: Record<string, string> = { RUNNING: "en cours", DONE: "terminé", FAILED: "échoué", UNDONE: "annulé" };

export default async function JobSeekerImportPage() {
  const user = await requirePageUser("jobSeeker.write");
  const batches = await listJobSeekerImportBatches(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/demandeurs">Demandeurs d&apos;emploi</TextLink> / Import</p>
      <PageTitle>Importer des demandeurs d&apos;emploi</PageTitle>
      <p className="text-muted">
        Une personne par ligne : nom, prénom et date de naissance obligatoires, les autres données de la fiche si le fichier les contient. Les lignes en erreur sont signalées avec leur numéro et ne sont pas importées ; les personnes probablement déjà connues sont ignorées ou mises à jour, à votre choix ; un import entier peut être annulé.
      </p>
      <JobSeekerImport today={parisToday()} />
      <Card as="section" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">Derniers imports</h2>
        {batches.length === 0 ? <p className="text-sm text-muted">Aucun import pour l&apos;instant.</p> : (
          <ul className="text-sm">
            {batches.map((b) => (
              <li key={b.id}>{formatDateTime(b.createdAt)} — {b.fileName} : {b.createdCount} créée(s), {b.updatedCount} mise(s) à jour, {b.skippedCount} ignorée(s), {b.errorCount} erreur(s) — {STATUS[b.status]}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
