// Mobility diagnostic / accompaniment (France Travail-funded projects): consistency of the answers
// and the linked subsidy file. Pure: callers pass `now`.
import { isInFuture } from "@/lib/fields.schema";

export interface DiagnosticFacts {
  date: Date;
  diagnosticDone: boolean;
  accompanimentDone: boolean;
  accompanimentDurationDays: number | null;
  solutionRecommended: boolean;
  solutionType: string | null;
  distanceBeforeKm: number | null;
  distanceAfterKm: number | null;
}

export type FieldErrors = Record<string, string[]>;

/** Field errors (empty when the diagnostic is consistent). */
export function checkDiagnostic(d: DiagnosticFacts, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  if (isInFuture(d.date, now)) errors.date = ["La date ne peut pas être dans le futur."];
  if (d.accompanimentDone && (d.accompanimentDurationDays === null || d.accompanimentDurationDays < 1)) {
    errors.accompanimentDurationDays = ["Indiquez la durée de l'accompagnement réalisé (en jours)."];
  }
  if (!d.accompanimentDone && d.accompanimentDurationDays !== null) errors.accompanimentDurationDays = ["Pas de durée sans accompagnement réalisé."];
  if (d.solutionRecommended && !d.solutionType) errors.solutionType = ["Indiquez le type de solution préconisée."];
  if (d.distanceAfterKm !== null && d.distanceBeforeKm === null) errors.distanceBeforeKm = ["Indiquez aussi la distance acceptée avant l'accompagnement."];
  return errors;
}

/** The subsidy file funding a diagnostic must be a France Travail file of the same platform. */
export function checkFundingFile(file: { funder: string; platformId: string } | null, platformId: string): string | null {
  if (!file) return "Dossier de subvention introuvable.";
  if (file.funder !== "FRANCE_TRAVAIL") return "Le diagnostic mobilité se rattache à un dossier financé par France Travail.";
  if (file.platformId !== platformId) return "Ce dossier appartient à une autre plateforme.";
  return null;
}
