// Inputs of the compte rendu financier's products (issue 22 §4, convention cadre Région art. 7.3).
// The API speaks cents, the form euros typed the French way; both end in the same input.
import { z } from "zod";
import { centsSchema, eurosSchema } from "@/lib/subsidy/subsidy-file.schema";
import { PRODUCT_KINDS } from "@/lib/subsidy/financial-report.rules";

const kind = z.enum(PRODUCT_KINDS, { error: "Ligne de produits inconnue." });
/** The version read (0 = never entered: the first save creates the line). */
const version = z.coerce.number({ error: "Version attendue." }).int("Version attendue.").min(0, "Version attendue.");
const gapExplanation = z.string().trim().max(4000, "4 000 caractères au plus.").optional();

export const productActualSchema = z.object({
  kind: kind.describe("REGION_SUBSIDY, TERRITORY_COFUNDING, OTHER_COFUNDING ou OTHER_PRODUCTS"),
  version: version.describe("Version lue (0 : ligne jamais saisie) ; 409 si elle a changé entre-temps"),
  actualCents: centsSchema.describe("Produit réalisé, en centimes"),
  gapExplanation: gapExplanation.describe("Explication de l'écart au prévisionnel (art. 7.3)"),
});
export type ProductActualInput = z.infer<typeof productActualSchema>;

export const productActualFormSchema = z
  .object({ kind, version, actualEuros: eurosSchema, gapExplanation })
  .transform(({ actualEuros, ...rest }) => ({ ...rest, actualCents: actualEuros }));
