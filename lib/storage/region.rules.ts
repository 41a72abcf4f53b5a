// Object storage stays in the European Union (issue 22). Pure.
//
// Région convention annex 1 art. 3.11: « l'exécution des prestations … n'implique pas de transferts
// internationaux de Données à caractère personnel »; the register says « Aucun transfert hors de
// l'Union européenne ». Justificatifs (payslips) and imports are stored in S3: its region must be in
// the EU. A region the list does not know is refused unless S3_ALLOW_NON_EU_REGION=true says, on
// purpose, that it is acceptable (a self-hosted MinIO with its own region name, for instance).

/** AWS regions in EU member states (eu-central-2 is Zurich and eu-west-2 London: not the EU). */
const AWS_EU = new Set(["eu-west-1", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2"]);
/** French and European hosts common in the public sector: Scaleway, OVHcloud, Outscale, Clever Cloud. */
const OTHER_EU = new Set([
  "fr-par", "nl-ams", "pl-waw",
  "gra", "sbg", "rbx", "de", "waw", "eu-west-par", "eu-west-gra", "eu-west-rbx", "eu-west-sbg", "eu-central-waw",
  "eu-west-2-outscale", "cloud-fr-1",
]);

export const DEFAULT_EU_REGION = "eu-west-3";

export function isEuRegion(region: string): boolean {
  const r = region.trim().toLowerCase();
  return AWS_EU.has(r) || OTHER_EU.has(r);
}

/** The start-up check: null when acceptable, else the French message that stops the start. */
export function storageRegionProblem(e: { STORAGE_DRIVER: string; S3_REGION: string; S3_ALLOW_NON_EU_REGION: boolean }): string | null {
  if (e.STORAGE_DRIVER !== "s3" || e.S3_ALLOW_NON_EU_REGION || isEuRegion(e.S3_REGION)) return null;
  return `S3_REGION: « ${e.S3_REGION} » n'est pas une région de l'Union européenne connue (convention, annexe 1, art. 3.11 : aucun transfert hors de l'UE). Choisissez une région de l'UE (par exemple ${DEFAULT_EU_REGION}, Paris) ou, si ce stockage est bien dans l'UE, posez S3_ALLOW_NON_EU_REGION=true.`;
}
