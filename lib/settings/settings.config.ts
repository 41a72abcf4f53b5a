// Settings an administrator edits (model AppSetting). Each default is the value the source
// convention writes; an administrator changes it when the convention (or an amendment) does.
import { z } from "zod";

const email = z.string().trim().toLowerCase().email("Adresse électronique invalide.").max(254);
const text = z.string().trim().min(1, "Valeur requise.").max(300, "300 caractères au plus.");

export const SETTINGS = {
  /**
   * Région convention annex 1 art. 3.4: « le sous-traitant doit transmettre ces demandes dans un délai
   * maximum de 72 heures par courrier électronique à contact@prochemploi.fr et au DPO de la Région »;
   * art. 3.7: breaches notified « par … mail à contact@prochemploi.fr et au DPO de la Région ».
   */
  "rgpd.prochEmploiContactEmail": { label: "Adresse de contact Proch'Emploi (transmission des demandes et violations)", schema: email, default: "contact@prochemploi.fr", group: "rgpd" },
  /** Région convention annex 1 art. 5: « Délégué à la protection des données … dpo@hautsdefrance.fr ». */
  "rgpd.regionDpoEmail": { label: "Adresse du DPO de la Région", schema: email, default: "dpo@hautsdefrance.fr", group: "rgpd" },
  /**
   * France Travail convention annex 1, 2.7 and 2.8: requests « dès réception » and breaches « dans un
   * délai maximum de 36 heures … par courrier électronique à contact-dpd.00148@francetravail.fr ».
   */
  "rgpd.franceTravailDpoEmail": { label: "Adresse du délégué à la protection des données de France Travail", schema: email, default: "contact-dpd.00148@francetravail.fr", group: "rgpd" },
  /** Région convention annex 1 art. 3.7: « appel téléphonique à la Direction de Proch'Emploi (03.74.27.XX.XX) » (number left blank in the template). */
  "rgpd.prochEmploiPhone": { label: "Téléphone de la Direction Proch'Emploi (violations)", schema: text, default: "03 74 27 XX XX (à compléter)", group: "rgpd" },
  /**
   * Issue 23: the regional numéro vert, given on the public intake pages (phone first) and to anyone
   * whose commune is outside every platform's perimeter. Proch'Emploi's published number.
   */
  "intake.numeroVert": { label: "Numéro vert régional Proch'Emploi (pages publiques)", schema: text, default: "0 800 02 60 80", group: "intake" },
  /**
   * Sub-processors (issue 22 §7). Région convention annex 1 art. 3.2: the controller is told in advance
   * of « l'identité et les coordonnées du sous-traitant et les dates du contrat de sous-traitance »;
   * France Travail annex 1 point 6 likewise. Shown on the processing register.
   */
  "rgpd.subProcessorHosting": { label: "Sous-traitant ultérieur : hébergement (nom, coordonnées, dates du contrat)", schema: text, default: "Hébergeur : à compléter (nom, coordonnées, dates du contrat)", group: "rgpd" },
  "rgpd.subProcessorEmail": { label: "Sous-traitant ultérieur : envoi des courriels (SMTP)", schema: text, default: "Service d'envoi de courriels : à compléter (nom, coordonnées, dates du contrat)", group: "rgpd" },
  "rgpd.subProcessorStorage": { label: "Sous-traitant ultérieur : stockage des fichiers (objet S3)", schema: text, default: "Stockage objet : à compléter (nom, coordonnées, région de l'Union européenne, dates du contrat)", group: "rgpd" },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export type Settings = Record<SettingKey, string>;

export const updateSettingSchema = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: "Paramètre inconnu." }),
  value: z.string(),
  version: z.coerce.number().int().nonnegative(),
});
export type UpdateSettingInput = z.infer<typeof updateSettingSchema>;

/** Stored values over the defaults; a stored value that no longer validates falls back to the default. */
export function resolveSettings(rows: readonly { key: string; value: string }[]): Settings {
  const out = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
  for (const r of rows) {
    if (!(r.key in SETTINGS)) continue;
    const parsed = SETTINGS[r.key as SettingKey].schema.safeParse(r.value);
    if (parsed.success) out[r.key as SettingKey] = parsed.data;
  }
  return out;
}
