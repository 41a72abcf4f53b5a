// Issue 22 §4 — a Région request is filed only with the elements of convention cadre art. 5 (and
// cadre d'intervention §5): tests that submit a Région file complete it first, through the services.
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { saveQualitative } from "@/lib/annual-report/annual-report.service";
import { updateAnnualRequest } from "@/lib/subsidy/annual-request.service";

export const REQUEST_DESCRIPTION = "Deux chargés de relation entreprises à temps plein, bureau et salle de réunion à la maison de l'emploi, un véhicule partagé.";
export const REQUEST_PROGRAMME = "Prospection de 400 entreprises, six réunions circuit court, animation des chefs de file, trois coprésidences.";

/** Writes the description and the programme (as the manager) and last year's qualitative bilan. */
export async function completeAnnualRequest(db: Db, manager: CurrentUser, fileId: string): Promise<void> {
  const file = await db.subsidyFile.findUniqueOrThrow({ where: { id: fileId } });
  await updateAnnualRequest(db, manager, fileId, { version: file.version, description: REQUEST_DESCRIPTION, actionProgramme: REQUEST_PROGRAMME });
  const report = await db.annualReport.findUnique({ where: { platformId_year: { platformId: file.platformId, year: file.year - 1 } } });
  await saveQualitative(db, manager, { platformId: file.platformId, year: file.year - 1, qualitative: "Bilan de l'année précédente : objectifs tenus.", version: report?.version ?? 0 });
}
