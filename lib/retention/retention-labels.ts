// French labels of the retention actions (the run's report and the home page). Pure.
import { formatDateTime } from "@/lib/format";
import type { PurgeRunDto } from "@/lib/retention/purge-run.schema";
import type { RetentionActionName } from "@/lib/retention/retention.service";

/** People, per platform (annex 1 art. 2; France Travail convention art. 11). */
export const PEOPLE_ACTION_LABELS = {
  "jobSeeker.archive": "Demandeurs d'emploi archivés",
  "jobSeeker.destroy": "Demandeurs d'emploi détruits",
  "companyContact.destroy": "Contacts d'entreprise détruits",
  "chefDeFile.destroy": "Chefs de file détruits",
  "franceTravail.destroy": "Projets France Travail : données détruites (art. 11)",
  "intakeRequest.expire": "Demandes en ligne non traitées : données effacées",
} as const satisfies Partial<Record<RetentionActionName, string>>;

/** Records with a period of their own (issue 22 §5–6; annex 1 art. 3.1 point 3). */
export const RECORD_ACTION_LABELS = {
  "rightsRequest.erase": "Demandes de droits closes : identité et texte effacés",
  "breach.erase": "Violations closes : texte libre effacé",
  "auditEvent.remove": "Événements du journal d'audit supprimés",
  "receipt.destroy": "Justificatifs supprimés",
  "companyNote.erase": "Notes sur les entreprises effacées",
  "soleTrader.erase": "Entrepreneurs individuels : nom et adresse effacés",
  "revision.delete": "Historique des rectifications : versions supprimées",
} as const satisfies Partial<Record<RetentionActionName, string>>;

export const RUN_STATUS_LABELS: Record<PurgeRunDto["status"], string> = {
  RUNNING: "En cours",
  SUCCEEDED: "Terminée",
  PARTIAL: "Terminée avec erreurs",
  FAILED: "Interrompue",
  ABANDONED: "Abandonnée (arrêtée sans signe de vie)",
};

/** Issue 16 §12: an abandoned run says who finished it; a retry says what it took over. */
export function runStatusText(run: Pick<PurgeRunDto, "status" | "resumedBy" | "resumes">): string {
  const base = RUN_STATUS_LABELS[run.status];
  if (run.resumedBy) return `${base} — reprise par l'exécution du ${formatDateTime(run.resumedBy.startedAt)}`;
  if (run.resumes.length === 1) return `${base} — reprend l'exécution abandonnée du ${formatDateTime(run.resumes[0]!.startedAt)}`;
  if (run.resumes.length > 1) return `${base} — reprend ${run.resumes.length} exécutions abandonnées`;
  return base;
}
